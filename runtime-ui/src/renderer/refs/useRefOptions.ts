import { useEffect, useMemo, useState } from 'react';
import type { RefAnnotation } from '../../api';
import type { RefOption, RefSource } from './RendererServices';

const SEARCH_DELAY_MS = 300;

/** The options found for the text typed last (`text`): kept while a newer search is under way. */
interface Found { text: string; options: RefOption[] }

/** The earlier search's options that still match what is typed now, so the list narrows at once instead of jumping when the answer comes. */
function narrowed(found: Found, text: string): RefOption[] {
  const needle = text.trim().toLowerCase();
  if (found.text === text || !needle) return found.options;
  return found.options.filter((o) => o.label.toLowerCase().includes(needle));
}

/**
 * Options for a reference select: a search as the user types (debounced) plus the current value's
 * name. While a search is under way the previous options are narrowed to the typed text, so the
 * list under the pointer does not change until the server's answer differs.
 */
export function useRefOptions(source: RefSource | undefined, ref: RefAnnotation | undefined, text: string,
  value: string | undefined): { options: RefOption[]; loading: boolean } {
  const [found, setFound] = useState<Found>({ text: '', options: [] });
  const [current, setCurrent] = useState<RefOption | undefined>();
  const [loading, setLoading] = useState(false);
  const refKey = JSON.stringify(ref ?? null);

  useEffect(() => {
    if (!source || !ref) return undefined;
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      source.search(ref, text).then((options) => { if (live) setFound({ text, options }); }, () => { if (live) setFound({ text, options: [] }); })
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

  const shown = useMemo(() => narrowed(found, text), [found, text]);
  const options = current && !shown.some((o) => o.value === current.value) ? [current, ...shown] : shown;
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
