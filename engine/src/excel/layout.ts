import { createHash } from 'node:crypto';
import type { DefinitionRegistry, EntityVersion, JsonSchema } from '../definitions/index.js';
import { isSelectable } from '../schema/index.js';
import { columnNote } from './hints.js';
import { INSTRUCTIONS_SHEET, LISTS_SHEET, META_SHEET, type ColumnKind, type ImportColumn, type ImportLayout } from './types.js';

type Registry = Pick<DefinitionRegistry, 'dictionary' | 'entity'>;
type Draft = Omit<ImportColumn, 'note' | 'dictionary'> & { dictionaryKey?: string; schema?: JsonSchema };

const INSTITUTION: Draft = { key: '@institution', title: '机构名称', kind: 'ref', required: true, refEntity: 'institution' };

/** The person a row belongs to, identified by name + ID number, in front of a person-linked entity's fields. */
const PERSON: Draft[] = [
  { key: '@personName', title: '姓名', kind: 'text', required: true },
  { key: '@personDocumentType', title: '证件类型', kind: 'dictionary', required: true, dictionaryKey: 'documentType' },
  { key: '@personIdNumber', title: '证件号码', kind: 'text', required: true, idNumber: true, code: true },
  { key: '@personDepartment', title: '所在部门', kind: 'ref', required: true, refEntity: 'department' },
];

/** `x-ref` first: a reference is a string field, but its cell holds the target's name. */
const kindRules: Array<[(schema: JsonSchema) => boolean, ColumnKind]> = [
  [(s) => s['x-ref'] !== undefined, 'ref'],
  [(s) => typeof s['x-dictionary'] === 'string', 'dictionary'],
  [(s) => s.format === 'date', 'date'],
  [(s) => s.type === 'integer', 'integer'],
  [(s) => s.type === 'number', 'number'],
];
const kindOf = (schema: JsonSchema): ColumnKind => kindRules.find(([test]) => test(schema))?.[1] ?? 'text';

/** Fields that are no column: files, computed values, structures that do not fit one cell. */
function isColumnField(schema: JsonSchema): boolean {
  const items = (schema.type === 'array' ? schema.items : schema) as JsonSchema | undefined;
  if (items?.['x-attachment'] !== undefined || schema['x-derive'] !== undefined) return false;
  return schema.type !== 'array' && schema.type !== 'object';
}

/** Field names in `ui:order` order (`*` stands for the fields it does not name; without it they follow). */
export function fieldOrder(properties: Record<string, JsonSchema>, uiOrder: unknown): string[] {
  const names = Object.keys(properties);
  if (!Array.isArray(uiOrder)) return names;
  const listed = new Set(uiOrder.filter((n) => n !== '*' && typeof n === 'string' && Object.hasOwn(properties, n)) as string[]);
  const rest = names.filter((n) => !listed.has(n));
  const order: unknown[] = uiOrder.includes('*') ? uiOrder : [...uiOrder, '*'];
  return [...new Set(order.flatMap((n) => (n === '*' ? rest : listed.has(n as string) ? [n as string] : [])))];
}

const isCode = (schema: JsonSchema): boolean => {
  const normalize = (schema['x-normalize'] as string[] | undefined) ?? [];
  return normalize.includes('nfkc') || normalize.includes('idNumber');
};

function fieldColumns(entity: EntityVersion): Draft[] {
  const content = entity.definition.content;
  const declaration = content.import!;
  const { properties, required = [] } = content.schema;
  const skipped = new Set([...(declaration.exclude ?? []), ...(declaration.owner ? [declaration.owner] : [])]);
  return fieldOrder(properties, content.uiSchema?.['ui:order'])
    .filter((name) => !skipped.has(name) && isColumnField(properties[name]!))
    .map((name): Draft => {
      const schema = properties[name]!;
      const kind = kindOf(schema);
      const idNumber = ((schema['x-normalize'] as string[] | undefined) ?? []).includes('idNumber');
      return {
        key: name, title: String(schema.title ?? name), kind, required: required.includes(name), field: name, schema,
        ...(kind === 'ref' ? { refEntity: (schema['x-ref'] as { entity: string }).entity } : {}),
        ...(kind === 'dictionary' ? { dictionaryKey: schema['x-dictionary'] as string } : {}),
        ...(idNumber ? { idNumber: true } : {}),
        ...(isCode(schema) ? { code: true } : {}),
      };
    });
}

function finish(draft: Draft, registry: Registry): ImportColumn {
  const { dictionaryKey, schema, ...rest } = draft;
  const column: ImportColumn = rest;
  if (dictionaryKey) {
    const dictionary = registry.dictionary(dictionaryKey);
    if (!dictionary) throw new Error(`import layout: dictionary ${dictionaryKey} of column ${draft.key} is not in force`);
    column.dictionary = { key: dictionaryKey, items: dictionary.items.filter(isSelectable)
      .map((i) => ({ code: i.code, label: i.label, ...(i.aliases.length > 0 ? { aliases: i.aliases } : {}) })) };
  }
  const refTitle = draft.refEntity ? registry.entity(draft.refEntity)?.definition.content.title : undefined;
  const note = columnNote(column, schema, refTitle);
  return note ? { ...column, note } : column;
}

/** Excel forbids `\ / ? * [ ] :` in sheet names and allows 31 characters; our own sheet names are reserved. */
export function sheetName(title: string): string {
  const map: Record<string, string> = { '\\': '＼', '/': '／', '?': '？', '*': '＊', '[': '【', ']': '】', ':': '：' };
  const name = [...title.replace(/[\\/?*[\]:]/g, (c) => map[c]!).replace(/^'+|'+$/g, '')].slice(0, 31).join('') || 'Sheet1';
  return [META_SHEET, LISTS_SHEET, INSTRUCTIONS_SHEET].includes(name) ? `${name}数据` : name;
}

export function layoutChecksum(entity: string, columns: Array<Pick<ImportColumn, 'key' | 'title'>>): string {
  const text = JSON.stringify([entity, ...columns.map((c) => [c.key, c.title])]);
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * The columns of an entity's import sheet, derived from its definition in force
 * (docs/decisions/0006-imports.md, "The column layout"); undefined without an `import` declaration.
 */
export function importLayout(entity: EntityVersion, registry: Registry): ImportLayout | undefined {
  const content = entity.definition.content;
  if (!content.import) return undefined;
  const drafts = [INSTITUTION, ...(content.import.owner ? PERSON : []), ...fieldColumns(entity)];
  const columns = drafts.map((d) => finish(d, registry));
  const titles = columns.map((c) => c.title);
  const duplicates = titles.filter((t, i) => titles.indexOf(t) !== i);
  if (duplicates.length > 0) throw new Error(`import layout of ${content.key}: duplicate column titles ${duplicates.join(', ')}`);
  return {
    entity: content.key, title: content.title, version: entity.definition.version,
    sheet: sheetName(content.import.sheet ?? content.title), columns, checksum: layoutChecksum(content.key, columns),
  };
}
