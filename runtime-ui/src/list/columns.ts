import type { ColumnsType } from 'antd/es/table';
import type { RecordItem, RefAnnotation, SchemaNode } from '../api';
import { cellText, defaultCellRules, type CellContext, type CellRule } from './cellText';

/** The list columns of an entity: the `x-list` fields, in schema order. */
export function listFields(schema: SchemaNode): Array<[string, SchemaNode]> {
  return Object.entries(schema.properties ?? {}).filter(([, node]) => node['x-list'] === true);
}

/** Titles of the fields a free-text search (`q`) looks in, for the search box's placeholder. */
export function searchFieldTitles(schema: SchemaNode): string[] {
  return Object.entries(schema.properties ?? {})
    .filter(([, node]) => node['x-search'] === true)
    .map(([name, node]) => node.title ?? name);
}

/** antd Table columns for the list fields; cells show dictionary labels and referenced records' names. */
export function buildColumns(schema: SchemaNode, context: CellContext,
  rules: readonly CellRule[] = defaultCellRules): ColumnsType<RecordItem> {
  return listFields(schema).map(([name, node]) => ({
    key: name,
    title: node.title ?? name,
    dataIndex: ['data', name],
    ellipsis: true,
    render: (value: unknown) => cellText(value, node, context, rules),
  }));
}

/** For the referencing list fields: which record ids of which entity the given rows point at. */
export function referencedIds(schema: SchemaNode, rows: readonly RecordItem[]): Map<string, string[]> {
  const wanted = new Map<string, Set<string>>();
  for (const [name, node] of listFields(schema)) {
    const ref = node['x-ref'] as RefAnnotation | undefined;
    if (!ref) continue;
    const ids = wanted.get(ref.entity) ?? new Set<string>();
    for (const row of rows) {
      const value = row.data[name];
      if (typeof value === 'string' && value !== '') ids.add(value);
    }
    wanted.set(ref.entity, ids);
  }
  return new Map([...wanted].filter(([, ids]) => ids.size > 0).map(([entity, ids]) => [entity, [...ids].sort()]));
}
