import { constOptions, errorMessage, type SchemaNode } from '@zjrj/runtime-ui';
import { useEffect, useState } from 'react';
import type { DesignerApi } from '../api/DesignerApi';
import type { Choice } from './FieldPanel';

const PREVIEW_DELAY_MS = 400;

export interface PresentedSchema {
  /** The last schema the engine presented (kept while a newer one fails). */
  presented: SchemaNode | undefined;
  error: string | undefined;
  /** The options a field offers (a dictionary field's items), when it has a fixed list. */
  valueChoices(fieldId: string): Choice[] | undefined;
}

/** The draft schema as the runtime would be served it (dictionary options added), fetched a moment after each change. */
export function usePresentedSchema(api: DesignerApi, schema: Record<string, unknown>): PresentedSchema {
  const [presented, setPresented] = useState<SchemaNode>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api.previewSchema(schema).then((s) => { if (current) { setPresented(s as SchemaNode); setError(undefined); } },
        (e: unknown) => { if (current) setError(errorMessage(e)); });
    }, PREVIEW_DELAY_MS);
    return () => { current = false; clearTimeout(timer); };
  }, [api, schema]);
  const valueChoices = (fieldId: string) => {
    const node = presented?.properties?.[fieldId];
    return constOptions(node)?.map((o) => ({ value: String(o.const), label: o.title ?? String(o.const) }));
  };
  return { presented, error, valueChoices };
}
