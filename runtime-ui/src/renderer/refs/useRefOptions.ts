import { useEffect, useState } from 'react';
import type { RefAnnotation } from '../../api';
import type { RefOption, RefSource } from './RendererServices';

const SEARCH_DELAY_MS = 300;

/** Options for a reference select: a search as the user types (debounced) plus the current value's name. */
export function useRefOptions(source: RefSource | undefined, ref: RefAnnotation | undefined, text: string,
  value: string | undefined): { options: RefOption[]; loading: boolean } {
  const [found, setFound] = useState<RefOption[]>([]);
  const [current, setCurrent] = useState<RefOption | undefined>();
  const [loading, setLoading] = useState(false);
  const refKey = JSON.stringify(ref ?? null);

  useEffect(() => {
    if (!source || !ref) return undefined;
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      source.search(ref, text).then((options) => { if (live) setFound(options); }, () => { if (live) setFound([]); })
        .finally(() => { if (live) setLoading(false); });
    }, text ? SEARCH_DELAY_MS : 0);
    return () => { live = false; clearTimeout(timer); };
  }, [source, refKey, text]);

  useEffect(() => {
    if (!source || !ref || !value) { setCurrent(undefined); return undefined; }
    let live = true;
    source.labels(ref.entity, [value]).then((names) => {
      if (live) setCurrent({ value, label: names.get(value) ?? value });
    }, () => undefined);
    return () => { live = false; };
  }, [source, ref?.entity, value]);

  const options = current && !found.some((o) => o.value === current.value) ? [current, ...found] : found;
  return { options, loading };
}

/** Display names for the ids each referenced entity needs, e.g. for the cells of one list page. */
export function useRefLabels(source: RefSource | undefined, wanted: ReadonlyMap<string, readonly string[]>):
  ReadonlyMap<string, ReadonlyMap<string, string>> {
  const [labels, setLabels] = useState<ReadonlyMap<string, ReadonlyMap<string, string>>>(new Map());
  const key = JSON.stringify([...wanted.entries()]);

  useEffect(() => {
    if (!source || wanted.size === 0) return undefined;
    let live = true;
    const entries = [...wanted.entries()];
    Promise.all(entries.map(([entity, ids]) => source.labels(entity, ids).catch(() => new Map<string, string>())))
      .then((maps) => { if (live) setLabels(new Map(entries.map(([entity], i) => [entity, maps[i]!]))); });
    return () => { live = false; };
  }, [source, key]);

  return labels;
}
