import { EntitySchema } from '../../schema/index.js';
import type { DefinitionProblem, EntityContent, TemplateContent, TemplateRecord } from '../types.js';
import type { KindHandler, ProblemAt } from './KindHandler.js';

/** Every record of a template tree with its JSON pointer, depth first. */
function* walk(records: TemplateRecord[], pointer: string): Generator<{ record: TemplateRecord; pointer: string }> {
  for (const [index, record] of records.entries()) {
    const at = `${pointer}/${index}`;
    yield { record, pointer: at };
    yield* walk(record.children ?? [], `${at}/children`);
  }
}

function checkTree(template: TemplateContent, entity: EntityContent, problem: ProblemAt): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const parent = template.parentField;
  if (parent) {
    const ref = entity.schema.properties[parent]?.['x-ref'] as { entity?: string; tree?: boolean } | undefined;
    if (ref?.entity !== entity.key || !ref.tree) return [problem('/parentField', `「${parent}」不是实体「${entity.key}」的上级引用字段（x-ref tree）`)];
  }
  for (const { record, pointer } of walk(template.records, '/records')) {
    if (record.children?.length && !parent) problems.push(problem(`${pointer}/children`, '模板声明了 parentField 才能有下级记录'));
    if (parent && parent in record.data) problems.push(problem(`${pointer}/data/${parent}`, '上级由 children 的层级决定，不能直接填写'));
  }
  return problems;
}

/** Each key (e.g. the department name) holds once in the template, as it must in an organisation. */
function checkKeys(template: TemplateContent, entity: EntityContent, problem: ProblemAt): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const key of entity.keys ?? []) {
    const seen = new Set<string>();
    for (const { record, pointer } of walk(template.records, '/records')) {
      const value = JSON.stringify(key.fields.map((f) => record.data[f]));
      if (seen.has(value)) problems.push(problem(`${pointer}/data`, `与前面的记录重复（${key.fields.join('、')}）`));
      seen.add(value);
    }
  }
  return problems;
}

/**
 * The entity exists and is filled in by institutions; the tree field is the entity's tree
 * reference; every record passes the entity's schema; keys are not repeated.
 */
export const templateHandler: KindHandler = {
  kind: 'template',
  check(content, set, problem) {
    const template = content as TemplateContent;
    const entity = set.get('entity', template.entity) as EntityContent | undefined;
    if (!entity) return [problem('/entity', `实体「${template.entity}」不存在`)];
    const problems = [...checkTree(template, entity, problem), ...checkKeys(template, entity, problem)];
    let schema: EntitySchema;
    try {
      schema = new EntitySchema(entity.schema, set.entityAjv(), set, entity.uiSchema);
    } catch {
      return problems; // the entity's own problems are reported on the entity
    }
    for (const { record, pointer } of walk(template.records, '/records')) {
      const data = schema.normalize(record.data);
      for (const error of schema.validate(data)) problems.push(problem(`${pointer}/data${error.path ?? ''}`, error.message));
    }
    return problems;
  },
};
