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

/**
 * The records the rules look up (e.g. the person of `personId`), read once each as the ids
 * appear; the resolver answers null for one not read (yet), as the server does for an unknown id.
 */
export function useLookups(definition: EntityDefinition, fields: readonly string[], records: readonly Data[]): Lookups {
  const { api } = useAppServices();
  const [known, setKnown] = useState<ReadonlyMap<string, Data | null>>(new Map());
  const wanted = useMemo(() => {
    const keys = new Set<string>();
    for (const field of fields) for (const record of records) if (typeof record[field] === 'string') keys.add(`${field}\u0000${record[field] as string}`);
    return [...keys].sort();
  }, [fields, records]);
  const wantedKey = wanted.join('\u0001');
  const entityOf = (key: string) => {
    const field = key.slice(0, key.indexOf('\u0000'));
    return (definition.schema.properties?.[field]?.['x-ref'] as RefAnnotation | undefined)?.entity;
  };

  useEffect(() => {
    let live = true;
    const missing = wanted.filter((key) => !known.has(key));
    for (const key of missing) {
      const entity = entityOf(key);
      if (!entity) continue;
      const id = key.slice(key.indexOf('\u0000') + 1);
      api.get(entity, id).then((r) => r.data, () => null)
        .then((data) => { if (live) setKnown((map) => new Map(map).set(key, data)); });
    }
    return () => { live = false; };
  }, [api, definition, wantedKey]);

  const resolve = useMemo<LookupResolver>(() => (field, id) => known.get(`${field}\u0000${String(id)}`) ?? null, [known]);
  const pending = wanted.some((key) => !known.has(key) && entityOf(key) !== undefined);
  return useMemo(() => ({ resolve, pending }), [resolve, pending]);
}
