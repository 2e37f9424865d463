import type { DefinitionProblem, EntityContent } from '../types.js';
import type { DefinitionSetView, ProblemAt } from './KindHandler.js';

/** The fields a completeness declaration names exist, and each related entity refers back via `via`. */
export function checkCompleteness(content: EntityContent, set: DefinitionSetView, problem: ProblemAt): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const missingIn = (entity: EntityContent, fields: string[], at: string) => fields.forEach((field, i) => {
    if (!Object.hasOwn(entity.schema.properties, field)) problems.push(problem(`${at}/${i}`, `字段「${field}」没有在实体「${entity.key}」中定义`));
  });
  content.completeness?.requirements.forEach((requirement, r) => {
    const at = `/completeness/requirements/${r}`;
    missingIn(content, requirement.fields ?? [], `${at}/fields`);
    missingIn(content, Object.keys(requirement.when ?? {}), `${at}/when`);
    const related = requirement.related;
    if (!related) return;
    const entity = set.get('entity', related.entity) as EntityContent | undefined;
    if (!entity) {
      problems.push(problem(`${at}/related/entity`, `实体「${related.entity}」不存在`));
      return;
    }
    const ref = entity.schema.properties[related.via]?.['x-ref'] as { entity?: string } | undefined;
    if (ref?.entity !== content.key) problems.push(problem(`${at}/related/via`, `「${related.via}」不是实体「${related.entity}」引用「${content.key}」的字段`));
    missingIn(entity, related.fields ?? [], `${at}/related/fields`);
  });
  return problems;
}
