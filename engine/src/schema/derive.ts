import { compileExpression, feelHelpers, freeVariables, type CompiledExpression } from '../rules/index.js';

type SchemaNode = Record<string, unknown>;

/** A field whose value is computed from the others by a FEEL expression (`x-derive`), e.g. a duration. */
export interface DerivedField { name: string; expression: CompiledExpression }

/**
 * The derived fields of an entity, compiled once. Their values are recomputed on every write (a
 * value the client sends is ignored) with the same rule helpers the rule sets use.
 */
export function compileDerivedFields(properties: Record<string, SchemaNode>): DerivedField[] {
  const names = [...Object.keys(properties), ...Object.keys(feelHelpers)];
  return Object.entries(properties).filter(([, s]) => typeof s['x-derive'] === 'string').map(([name, s]) => {
    const source = s['x-derive'] as string;
    const unknown = freeVariables(source).filter((v) => !names.includes(v.name));
    if (unknown.length) throw new Error(`派生字段「${name}」的表达式使用了未知的变量「${unknown[0]!.name}」`);
    return { name, expression: compileExpression(source, names) };
  });
}

export function applyDerivedFields(data: Record<string, unknown>, derived: DerivedField[], properties: string[]): void {
  if (derived.length === 0) return;
  // The helpers come from the prototype: no copy of them per record (imports derive 100k times).
  const variables = Object.create(feelHelpers) as Record<string, unknown>;
  for (const name of properties) variables[name] = data[name] ?? null;
  for (const field of derived) {
    const { value } = field.expression.run(variables);
    if (value === null || value === undefined) delete data[field.name];
    else data[field.name] = value;
  }
}
