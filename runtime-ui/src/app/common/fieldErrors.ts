import type { ApiErrorItem } from '../../api';

export interface FieldErrors<F extends string> {
  /** In the shape of antd's `form.setFields`. */
  fields: Array<{ name: F; errors: string[] }>;
  /** Messages that concern no field of the form, for an alert above it. */
  general: string[];
}

/**
 * The server's errors split by the form field they concern. `paths` maps the first segment of an
 * error's JSON pointer (`/subsystems/0` → `/subsystems`) to a field name; several pointers may
 * name one field.
 */
export function fieldErrors<F extends string>(errors: readonly ApiErrorItem[], paths: Readonly<Record<string, F>>): FieldErrors<F> {
  const byField = new Map<F, string[]>();
  const general: string[] = [];
  for (const error of errors) {
    const head = error.path ? `/${error.path.split('/')[1] ?? ''}` : '';
    const name = head ? paths[head] : undefined;
    if (name) byField.set(name, [...(byField.get(name) ?? []), error.message]);
    else general.push(error.message);
  }
  return { fields: [...byField].map(([name, messages]) => ({ name, errors: messages })), general };
}
