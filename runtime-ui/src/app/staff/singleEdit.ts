import { constOptions, type EntityDefinition, type SchemaNode } from '../../lib';

/** A field changed one record at a time through its own action (`x-singleEdit`, e.g. 在职状态). */
export interface SingleEditField {
  name: string;
  title: string;
  /** The choices, when the field is a dictionary. */
  options: Array<{ value: string; label: string }>;
}

export function singleEditFields(schema: SchemaNode): SingleEditField[] {
  return Object.entries(schema.properties ?? {}).filter(([, node]) => node['x-singleEdit'] === true).map(([name, node]) => ({
    name,
    title: node.title ?? name,
    options: (constOptions(node) ?? []).map((o) => ({ value: String(o.const), label: o.title ?? String(o.const) })),
  }));
}

/** The action's name in the 操作 column: 变更在职状态. */
export const singleEditAction = (field: Pick<SingleEditField, 'title'>): string => `变更${field.title}`;

/**
 * The definition for editing an existing record: each `x-singleEdit` field read-only, with a hint
 * where it is changed instead. New records still choose it in the form.
 */
export function withSingleEditReadOnly(definition: EntityDefinition): EntityDefinition {
  const fields = singleEditFields(definition.schema);
  if (fields.length === 0) return definition;
  const uiSchema = { ...definition.uiSchema };
  for (const field of fields) {
    uiSchema[field.name] = { ...(uiSchema[field.name] as object | undefined), 'ui:readonly': true,
      'ui:help': `「${field.title}」只能逐人变更：请在列表的“操作”中点击“${singleEditAction(field)}”。` };
  }
  return { ...definition, uiSchema };
}
