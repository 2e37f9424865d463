import { compileVisibility, VISIBLE_WHEN, VisibilityProblem } from '../../rules/index.js';
import { EntitySchema } from '../../schema/index.js';
import type { DefinitionProblem, EntityContent, JsonSchema } from '../types.js';
import { checkCompleteness } from './completenessCheck.js';
import type { DefinitionSetView, KindHandler, ProblemAt } from './KindHandler.js';

interface FieldAt { name: string; schema: JsonSchema; pointer: string }

/** Every property schema at any depth (nested objects and arrays of objects). */
function* walkFields(schema: JsonSchema, pointer: string): Generator<FieldAt> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, child] of Object.entries(properties)) {
    const at = `${pointer}/properties/${name}`;
    yield { name, schema: child, pointer: at };
    yield* walkFields(child, at);
    if (child.items && typeof child.items === 'object') yield* walkFields(child.items as JsonSchema, `${at}/items`);
  }
}

function checkReferences(content: EntityContent, set: DefinitionSetView, problem: ProblemAt): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const field of walkFields(content.schema, '/schema')) {
    const dictionary = field.schema['x-dictionary'];
    if (typeof dictionary === 'string' && !set.get('dictionary', dictionary)) {
      problems.push(problem(`${field.pointer}/x-dictionary`, `字典「${dictionary}」不存在`));
    }
    const ref = field.schema['x-ref'] as { entity?: unknown } | undefined;
    if (ref && typeof ref.entity === 'string') {
      const target = set.get('entity', ref.entity) as EntityContent | undefined;
      if (!target) problems.push(problem(`${field.pointer}/x-ref/entity`, `实体「${ref.entity}」不存在`));
      else if (!target.titleField) problems.push(problem(`${field.pointer}/x-ref/entity`, `实体「${ref.entity}」没有声明 titleField，无法被引用`));
    }
  }
  return problems;
}

function checkFieldNames(content: EntityContent, problem: ProblemAt): DefinitionProblem[] {
  const properties = content.schema.properties;
  const has = (name: string) => Object.hasOwn(properties, name);
  const problems: DefinitionProblem[] = [];
  content.schema.required?.forEach((name, i) => {
    if (!has(name)) problems.push(problem(`/schema/required/${i}`, `必填字段「${name}」没有在 properties 中定义`));
  });
  content.keys?.forEach((key, k) => key.fields.forEach((name, i) => {
    if (!has(name)) problems.push(problem(`/keys/${k}/fields/${i}`, `字段「${name}」没有在 properties 中定义`));
  }));
  const declared = content.import;
  for (const [list, names] of [['match', declared?.match], ['group', declared?.group], ['exclude', declared?.exclude]] as const) {
    names?.forEach((name, i) => {
      if (!has(name)) problems.push(problem(`/import/${list}/${i}`, `字段「${name}」没有在 properties 中定义`));
    });
  }
  if (declared?.owner !== undefined && (properties[declared.owner]?.['x-ref'] as { entity?: string } | undefined)?.entity !== 'person') {
    problems.push(problem('/import/owner', `字段「${declared.owner}」应为引用人员（x-ref 指向 person）的字段`));
  }
  const batchField = content.attachmentBatch?.field;
  if (batchField !== undefined && (!has(batchField) || !properties[batchField]!['x-attachment'])) {
    problems.push(problem('/attachmentBatch/field', `字段「${batchField}」应为单个附件字段（x-attachment）`));
  }
  if (content.titleField && !has(content.titleField)) {
    problems.push(problem('/titleField', `字段「${content.titleField}」没有在 properties 中定义`));
  }
  const idDocument = content.schema['x-idDocument'] as Record<string, string> | undefined;
  for (const [role, name] of Object.entries(idDocument ?? {})) {
    if (!has(name)) problems.push(problem(`/schema/x-idDocument/${role}`, `字段「${name}」没有在 properties 中定义`));
  }
  for (const [name, value] of Object.entries(content.uiSchema ?? {})) {
    if (name === 'ui:order') {
      (value as string[]).forEach((field, i) => {
        if (field !== '*' && !has(field)) problems.push(problem(`/uiSchema/ui:order/${i}`, `字段「${field}」没有在 properties 中定义`));
      });
      // The form renderer refuses an order that leaves a field out (unless `*` stands for the rest).
      const missing = (value as string[]).includes('*') ? [] : Object.keys(properties).filter((f) => !(value as string[]).includes(f));
      if (missing.length) {
        problems.push(problem('/uiSchema/ui:order', `字段${missing.map((f) => `「${f}」`).join('、')}没有列入 ui:order，表单无法显示：请把它加入 ui:order（或加入 "*" 代表其余字段）`));
      }
    } else if (!name.startsWith('ui:') && !has(name)) {
      problems.push(problem(`/uiSchema/${name}`, `字段「${name}」没有在 properties 中定义`));
    }
  }
  return problems;
}

/** JSON pointer of the first object (depth-first) holding `keyword`, for "unknown keyword" problems. */
function findKeyword(node: unknown, keyword: string, pointer: string): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  if (Object.hasOwn(node, keyword)) return `${pointer}/${keyword}`;
  for (const [key, child] of Object.entries(node)) {
    const found = findKeyword(child, keyword, `${pointer}/${key}`);
    if (found) return found;
  }
  return undefined;
}

/** Each `ui:visibleWhen` parses as FEEL and names only fields of the entity. */
function checkVisibility(content: EntityContent, problem: ProblemAt): DefinitionProblem[] {
  const fields = Object.keys(content.schema.properties);
  return Object.entries(content.uiSchema ?? {}).flatMap(([field, ui]) => {
    try {
      compileVisibility({ [field]: ui }, fields);
      return [];
    } catch (error) {
      if (!(error instanceof VisibilityProblem)) throw error;
      return [problem(`/uiSchema/${field}/${VISIBLE_WHEN}`, error.message)];
    }
  });
}

function checkCompiles(content: EntityContent, set: DefinitionSetView, problem: ProblemAt): DefinitionProblem[] {
  try {
    new EntitySchema(content.schema, set.entityAjv(), set, content.uiSchema);
    return [];
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /unknown keyword: "([^"]+)"/.exec(message)?.[1];
    if (unknown) return [problem(findKeyword(content.schema, unknown, '/schema') ?? '/schema', `未知的关键字「${unknown}」，请检查拼写`)];
    return [problem('/schema', `JSON Schema 无法编译：${message}`)];
  }
}

/** Field names, references and keys resolve; the schema compiles under the engine's strict ajv. */
export const entityHandler: KindHandler = {
  kind: 'entity',
  check(content, set, problem) {
    const entity = content as EntityContent;
    const problems = [...checkFieldNames(entity, problem), ...checkReferences(entity, set, problem),
      ...checkCompleteness(entity, set, problem), ...checkVisibility(entity, problem)];
    return problems.length > 0 ? problems : checkCompiles(entity, set, problem);
  },
};
