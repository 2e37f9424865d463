import { useEffect, useMemo, useState } from 'react';
import type { EntityDefinition, RefAnnotation } from '../../lib';
import type { LookupResolver } from '../../rules';
import { useAppServices } from '../AppServices';

type Data = Record<string, unknown>;

export interface Lookups {
  resolve: LookupResolver;
  /** Whether some wanted record is still being read (the verdict may change when it arrives). */
  pending: boolean;
}

const SEPARATOR = '\u0000';
const lookupKey = (field: string, id: unknown) => `${field}${SEPARATOR}${String(id)}`;
const splitKey = (key: string) => ({ field: key.slice(0, key.indexOf(SEPARATOR)), id: key.slice(key.indexOf(SEPARATOR) + 1) });

/**
 * The records the rules look up (e.g. the person of `personId`), read once each as the ids
 * appear; the resolver answers null for one not read (yet), as the server does for an unknown id.
 */
export function useLookups(definition: EntityDefinition, fields: readonly string[], records: readonly Data[]): Lookups {
  const { api } = useAppServices();
  const [known, setKnown] = useState<ReadonlyMap<string, Data | null>>(new Map());
  const entityOf = (field: string) => (definition.schema.properties?.[field]?.['x-ref'] as RefAnnotation | undefined)?.entity;
  // Only the fields that reference another entity can be read.
  const wanted = useMemo(() => {
    const keys = new Set<string>();
    for (const field of fields.filter((f) => entityOf(f))) {
      for (const record of records) if (typeof record[field] === 'string') keys.add(lookupKey(field, record[field]));
    }
    return [...keys].sort();
  }, [definition, fields, records]);
  const wantedKey = wanted.join('\u0001');

  useEffect(() => {
    let live = true;
    for (const key of wanted.filter((k) => !known.has(k))) {
      const { field, id } = splitKey(key);
      api.get(entityOf(field)!, id).then((r) => r.data, () => null)
        .then((data) => { if (live) setKnown((map) => new Map(map).set(key, data)); });
    }
    return () => { live = false; };
  }, [api, definition, wantedKey]);

  const resolve = useMemo<LookupResolver>(() => (field, id) => known.get(lookupKey(field, id)) ?? null, [known]);
  const pending = wanted.some((key) => !known.has(key));
  return useMemo(() => ({ resolve, pending }), [resolve, pending]);
}
