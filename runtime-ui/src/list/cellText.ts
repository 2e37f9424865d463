import type { RefAnnotation, SchemaNode } from '../api';
import { constOptions } from '../renderer/schemaPaths';

/** What a cell needs besides the value: names of referenced records, by entity then id. */
export interface CellContext {
  refLabels: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** How a kind of field shows in a list cell; the first rule that matches the field's schema is used. */
export interface CellRule {
  matches(node: SchemaNode): boolean;
  text(value: unknown, node: SchemaNode, context: CellContext): string;
}

const EMPTY = '';

export const defaultCellRules: readonly CellRule[] = [
  {
    matches: (node) => typeof node['x-ref'] === 'object' && node['x-ref'] !== null,
    text: (value, node, { refLabels }) =>
      refLabels.get((node['x-ref'] as RefAnnotation).entity)?.get(String(value)) ?? '…',
  },
  {
    matches: (node) => constOptions(node) !== undefined,
    text: (value, node) => constOptions(node)?.find((o) => o.const === value)?.title ?? String(value),
  },
  { matches: (node) => node.type === 'boolean', text: (value) => (value ? '是' : '否') },
  { matches: (node) => node.type === 'array', text: (value) => (Array.isArray(value) ? `${value.length} 项` : EMPTY) },
];

/** The text of one cell: empty for no value, else by the first matching rule, else the value as text. */
export function cellText(value: unknown, node: SchemaNode, context: CellContext,
  rules: readonly CellRule[] = defaultCellRules): string {
  if (value === undefined || value === null || value === '') return EMPTY;
  const rule = rules.find((r) => r.matches(node));
  return rule ? rule.text(value, node, context) : String(value);
}
