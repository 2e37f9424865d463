import type { RequiredWhen } from './conditions';

/** How a field's `ui:visibleWhen` reads in the editor: always shown, "when field is value", or a FEEL expression of one's own. */
export type Visibility =
  | { mode: 'always' }
  | { mode: 'when'; when: RequiredWhen }
  | { mode: 'custom'; expression: string };

export type VisibilityMode = Visibility['mode'];

const SIMPLE = /^\s*([a-z][a-zA-Z0-9]*)\s*=\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false)\s*$/;

/** The editor's reading of a stored expression: `category = "1"` is a "when" condition, anything else custom. */
export function visibilityOf(expression: string | undefined): Visibility {
  if (expression === undefined) return { mode: 'always' };
  const simple = SIMPLE.exec(expression);
  if (!simple) return { mode: 'custom', expression };
  return { mode: 'when', when: { field: simple[1]!, value: JSON.parse(simple[2]!) as RequiredWhen['value'] } };
}

/** The FEEL expression stored as `ui:visibleWhen` (undefined: always shown, or a condition not complete yet). */
export function expressionOf(visibility: Visibility): string | undefined {
  if (visibility.mode === 'custom') return visibility.expression;
  if (visibility.mode === 'always' || !visibility.when.field || visibility.when.value === '') return undefined;
  return `${visibility.when.field} = ${JSON.stringify(visibility.when.value)}`;
}
