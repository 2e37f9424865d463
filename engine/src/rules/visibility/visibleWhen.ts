import { compileExpression, freeVariables, FeelProblem, type CompiledExpression } from '../feel.js';
import { feelHelpers } from '../helpers.js';

/** The uiSchema keyword: a field is shown (and may hold a value) only while its FEEL condition is true. */
export const VISIBLE_WHEN = 'ui:visibleWhen';

/** One field's visibility condition, compiled once. */
export interface VisibilityCondition {
  field: string;
  source: string;
  expression: CompiledExpression;
}

/** Why a `ui:visibleWhen` cannot be used, with the field it belongs to. */
export class VisibilityProblem extends Error {
  constructor(readonly field: string, message: string) { super(message); }
}

/** The `ui:visibleWhen` sources of an entity's top-level fields (uiSchema entries of other shapes are ignored). */
export function visibilitySources(uiSchema: Record<string, unknown> | undefined): Array<{ field: string; source: unknown }> {
  return Object.entries(uiSchema ?? {}).flatMap(([field, ui]) =>
    !field.startsWith('ui:') && ui && typeof ui === 'object' && Object.hasOwn(ui, VISIBLE_WHEN)
      ? [{ field, source: (ui as Record<string, unknown>)[VISIBLE_WHEN] }] : []);
}

/**
 * Compiles every field's condition over the record's fields (and the rule helpers). Throws a
 * VisibilityProblem (Chinese) when a condition does not parse or names an unknown field.
 */
export function compileVisibility(uiSchema: Record<string, unknown> | undefined, fields: readonly string[]): VisibilityCondition[] {
  const names = [...fields, ...Object.keys(feelHelpers)];
  return visibilitySources(uiSchema).map(({ field, source }) => {
    if (typeof source !== 'string' || source.trim() === '') throw new VisibilityProblem(field, '显示条件应为非空的 FEEL 表达式');
    try {
      const expression = compileExpression(source, names);
      const variables = freeVariables(source);
      const unknown = variables.find((v) => !fields.includes(v.name) && !(v.name in feelHelpers));
      if (unknown) throw new VisibilityProblem(field, `显示条件使用了未知的字段「${unknown.name}」，只能使用本表单的字段`);
      if (variables.some((v) => v.name === field)) throw new VisibilityProblem(field, '显示条件不能引用字段自身');
      return { field, source, expression };
    } catch (error) {
      if (error instanceof VisibilityProblem) throw error;
      const message = error instanceof FeelProblem ? error.message : `FEEL 表达式无法解析：${(error as Error).message}`;
      throw new VisibilityProblem(field, `显示条件有误：${message}`);
    }
  });
}

const isVisible = (condition: VisibilityCondition, variables: Record<string, unknown>) => {
  try {
    return condition.expression.run(variables).value === true;
  } catch {
    return false;
  }
};

/**
 * The fields hidden for `data`: those whose condition is not true. A hidden field counts as empty
 * for the conditions of others (hiding cascades), so this repeats until nothing changes.
 */
export function hiddenFields(conditions: readonly VisibilityCondition[], data: Record<string, unknown>,
  fields: readonly string[]): string[] {
  if (conditions.length === 0) return [];
  const hidden = new Set<string>();
  for (let pass = 0; pass <= conditions.length; pass += 1) {
    const variables = Object.create(feelHelpers) as Record<string, unknown>;
    for (const name of fields) variables[name] = hidden.has(name) ? null : data[name] ?? null;
    const next = new Set(conditions.filter((c) => !isVisible(c, variables)).map((c) => c.field));
    if (next.size === hidden.size && [...next].every((f) => hidden.has(f))) break;
    hidden.clear();
    next.forEach((f) => hidden.add(f));
  }
  return [...hidden];
}

/** Whether a field holds something (an empty string or list counts as empty). */
export function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}
