import type { ErrorSchema } from '@rjsf/utils';
import { useCallback, useState } from 'react';
import { ApiError, clearChangedFieldErrors, errorMessage, toFormErrors, type JsonObject, type SchemaNode } from '../../lib';

const STALE = 'STALE_VERSION';

export interface ServerErrors {
  extraErrors: ErrorSchema;
  messages: string[];
  /** The save was refused because someone else saved the record first. */
  stale: boolean;
  show(error: unknown): void;
  clear(): void;
  /** Forgets the errors of the fields the user just changed. */
  changed(before: JsonObject, after: JsonObject): void;
}

/** The server's answer to a failed save, split into errors under fields and messages for the top. */
export function useServerErrors(schema: SchemaNode): ServerErrors {
  const [extraErrors, setExtraErrors] = useState<ErrorSchema>({});
  const [messages, setMessages] = useState<string[]>([]);
  const [stale, setStale] = useState(false);

  const show = useCallback((error: unknown) => {
    if (!(error instanceof ApiError)) { setMessages([errorMessage(error)]); return; }
    const split = toFormErrors(error.errors.filter((e) => e.code !== STALE), schema);
    setStale(error.hasCode(STALE));
    setExtraErrors(split.extraErrors);
    setMessages(split.messages);
  }, [schema]);

  const clear = useCallback(() => { setExtraErrors({}); setMessages([]); setStale(false); }, []);
  const changed = useCallback((before: JsonObject, after: JsonObject) =>
    setExtraErrors((errors) => clearChangedFieldErrors(errors, before, after)), []);

  return { extraErrors, messages, stale, show, clear, changed };
}
