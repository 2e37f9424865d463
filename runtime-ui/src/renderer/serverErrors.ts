import type { ErrorSchema } from '@rjsf/utils';
import type { ApiErrorItem, SchemaNode } from '../api';
import { pointerSegments, schemaAt } from './schemaPaths';

/** Server errors split for a form: per-field ones shaped like the data (rjsf `extraErrors`), the rest as messages. */
export interface FormErrors {
  extraErrors: ErrorSchema;
  messages: string[];
}

type ErrorNode = { __errors?: string[]; [key: string]: unknown };

function addFieldError(target: ErrorNode, segments: string[], message: string): void {
  let node = target;
  for (const segment of segments) {
    node[segment] ??= {};
    node = node[segment] as ErrorNode;
  }
  node.__errors = [...(node.__errors ?? []), message];
}

/**
 * Maps the engine's error items onto a form: an item whose `path` (a JSON pointer into the data)
 * names a field of `schema` goes under that field; one without a path, or naming no field the
 * form shows, becomes a message for the top of the form. Order and duplicates are kept tidy.
 */
export function toFormErrors(errors: readonly ApiErrorItem[], schema?: SchemaNode): FormErrors {
  const extraErrors: ErrorNode = {};
  const messages: string[] = [];
  for (const error of errors) {
    const segments = pointerSegments(error.path ?? '');
    const known = segments.length > 0 && (!schema || schemaAt(schema, segments) !== undefined);
    if (known) addFieldError(extraErrors, segments, error.message);
    else if (!messages.includes(error.message)) messages.push(error.message);
  }
  return { extraErrors: extraErrors as ErrorSchema, messages };
}

/** Drops the server errors of top-level fields whose value changed, so a corrected field stops showing red. */
export function clearChangedFieldErrors<E extends object = ErrorSchema>(
  extraErrors: E,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): E {
  const keys = Object.keys(extraErrors).filter((key) => before[key] !== after[key]);
  if (keys.length === 0) return extraErrors;
  const next = { ...extraErrors } as Record<string, unknown>;
  for (const key of keys) delete next[key];
  return next as E;
}
