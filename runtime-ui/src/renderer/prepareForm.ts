import type { SchemaNode, UiSchemaNode } from '../api';
import { constOptions } from './schemaPaths';
import { isAttachmentField } from './widgets/attachment';

/** Which widget a field gets by what its schema says (first match wins; an explicit `ui:widget` wins over all). */
export interface WidgetRule {
  widget: string;
  matches(node: SchemaNode): boolean;
}

export const defaultWidgetRules: readonly WidgetRule[] = [
  { widget: 'attachments', matches: (node) => node.type === 'array' && isAttachmentField(node) },
  { widget: 'attachment', matches: (node) => node.type !== 'array' && isAttachmentField(node) },
  { widget: 'refSelect', matches: (node) => typeof node['x-ref'] === 'object' && node['x-ref'] !== null },
  { widget: 'dictionarySelect', matches: (node) => constOptions(node) !== undefined },
];

function withWidgets(node: SchemaNode, ui: UiSchemaNode, rules: readonly WidgetRule[]): UiSchemaNode {
  const next: UiSchemaNode = { ...ui };
  if (next['ui:widget'] === undefined) {
    const rule = rules.find((r) => r.matches(node));
    if (rule) next['ui:widget'] = rule.widget;
  }
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    next[name] = withWidgets(child, (ui[name] ?? {}) as UiSchemaNode, rules);
  }
  if (node.items && typeof node.items === 'object') {
    next.items = withWidgets(node.items, (ui.items ?? {}) as UiSchemaNode, rules);
  }
  return next;
}

/**
 * The schema and uiSchema as the form renders them: the root title left out (the drawer or page
 * shows it), each field's widget chosen by the rules unless the uiSchema names one.
 */
export function prepareForm(schema: SchemaNode, uiSchema: UiSchemaNode = {},
  rules: readonly WidgetRule[] = defaultWidgetRules): { schema: SchemaNode; uiSchema: UiSchemaNode } {
  const { title: _title, description: _description, ...rest } = schema;
  return { schema: rest, uiSchema: withWidgets(schema, uiSchema, rules) };
}
