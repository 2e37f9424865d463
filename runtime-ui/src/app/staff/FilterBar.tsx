import { Select, Space, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { constOptions, type EntityDefinition, type RecordItem, type RefAnnotation, type SchemaNode } from '../../lib';
import { VIEW_OPTIONS_KEY } from '../entityViews/viewOptions';
import { buildRecordTree, treeShapeOf, useAllRecords, type RecordTreeNode } from '../recordTree';
import { useEntityDefinition } from '../records';

/** A field the list filters on by exact value, named in `ui:viewOptions.filters`. */
interface FilterField { name: string; title: string; node: SchemaNode }

export function filterFields(definition: EntityDefinition): FilterField[] {
  const names = (definition.uiSchema[VIEW_OPTIONS_KEY] as { filters?: unknown } | undefined)?.filters;
  return (Array.isArray(names) ? names : []).flatMap((name) => {
    const node = typeof name === 'string' ? definition.schema.properties?.[name] : undefined;
    return node ? [{ name: name as string, title: node.title ?? (name as string), node }] : [];
  });
}

interface TreeOption { value: string; title: string; children: TreeOption[] }
const toOptions = (nodes: readonly RecordTreeNode[]): TreeOption[] =>
  nodes.map((n) => ({ value: n.key, title: n.title, children: toOptions(n.children) }));

const SELECT_STYLE = { width: 220 };

/** The referenced entity's records to pick from: a tree when they form one (e.g. departments). */
function RefFilter({ field, value, onChange }: { field: FilterField; value?: string; onChange(value?: string): void }) {
  const entity = (field.node['x-ref'] as RefAnnotation).entity;
  const definition = useEntityDefinition(entity);
  const records = useAllRecords(entity);
  const options = useMemo(() => {
    if (definition.status !== 'ready' || records.status !== 'ready') return [];
    const shape = treeShapeOf(definition.value) ?? { parentField: '', titleField: definition.value.titleField };
    return toOptions(buildRecordTree(records.value as RecordItem[], shape));
  }, [definition, records]);
  return (
    <TreeSelect aria-label={field.title} style={SELECT_STYLE} placeholder={`全部${field.title}`} allowClear value={value}
      treeData={options} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} loading={records.status === 'loading'}
      onChange={(next: string | undefined) => onChange(next)} notFoundContent="没有匹配的选项" />
  );
}

function ChoiceFilter({ field, value, onChange }: { field: FilterField; value?: string; onChange(value?: string): void }) {
  const options = (constOptions(field.node) ?? []).map((o) => ({ value: String(o.const), label: o.title ?? String(o.const) }));
  return (
    <Select aria-label={field.title} style={SELECT_STYLE} placeholder={`全部${field.title}`} allowClear value={value}
      options={options} showSearch={{ optionFilterProp: 'label' }} onChange={(next?: string) => onChange(next)} />
  );
}

/** Filters of a list by the fields its view declares (`ui:viewOptions.filters`): references and dictionaries. */
export function FilterBar({ definition, value, onChange }: {
  definition: EntityDefinition; value: Record<string, string>; onChange(value: Record<string, string>): void;
}) {
  const set = (name: string, next?: string) => {
    const { [name]: _old, ...rest } = value;
    onChange(next ? { ...rest, [name]: next } : rest);
  };
  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="list-filters">
      {filterFields(definition).map((field) => (field.node['x-ref']
        ? <RefFilter key={field.name} field={field} value={value[field.name]} onChange={(v) => set(field.name, v)} />
        : <ChoiceFilter key={field.name} field={field} value={value[field.name]} onChange={(v) => set(field.name, v)} />))}
    </Space>
  );
}
