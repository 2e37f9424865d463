import { useEffect, useState } from 'react';
import type { EntityDefinition, RecordItem, RuntimeApi } from '../../lib';
import { useAppServices } from '../AppServices';
import { listedRefs } from './recordSummary';

const PAGE = 20;
const REF_MATCHES = 5;
const DELAY_MS = 300;

/**
 * Records of `definition` matching `text` by their own search fields (name, ID number) or by the
 * name of a listed reference (department), within `filter` (e.g. only 在岗人员), once each.
 */
export async function searchRecords(api: RuntimeApi, definition: EntityDefinition, text: string,
  filter: Record<string, string>): Promise<RecordItem[]> {
  const q = text.trim() || undefined;
  const direct = api.list(definition.key, { q, filters: filter, pageSize: PAGE }).then((p) => p.items);
  const viaRefs = q ? listedRefs(definition).map(async ({ field, entity }) => {
    const targets = (await api.list(entity, { q, pageSize: REF_MATCHES })).items;
    const pages = await Promise.all(targets.map((t) => api.list(definition.key, { filters: { ...filter, [field]: t.id }, pageSize: PAGE })));
    return pages.flatMap((p) => p.items);
  }) : [];
  const found = (await Promise.all([direct, ...viaRefs])).flat();
  return [...new Map(found.map((r) => [r.id, r])).values()];
}

/** The search as the user types (debounced), and whether it is running. */
export function usePersonSearch(definition: EntityDefinition | undefined, text: string, filter: Record<string, string>) {
  const { api } = useAppServices();
  const [found, setFound] = useState<RecordItem[]>([]);
  const [loading, setLoading] = useState(false);
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    if (!definition) return undefined;
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      searchRecords(api, definition, text, filter).then((items) => { if (live) setFound(items); }, () => { if (live) setFound([]); })
        .finally(() => { if (live) setLoading(false); });
    }, text ? DELAY_MS : 0);
    return () => { live = false; clearTimeout(timer); };
  }, [api, definition, text, filterKey]);
  return { found, loading };
}
