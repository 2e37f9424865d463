import { useCallback, useEffect, useState } from 'react';
import { errorMessage, type RecordItem } from '../../lib';
import { useAppServices } from '../AppServices';

export interface PageQuery {
  page: number;
  pageSize: number;
  q: string;
}

export interface RecordPage {
  items: RecordItem[];
  total: number;
  loading: boolean;
  error?: string;
  reload(): void;
}

/** One page of an entity's records (with exact `filters`), re-read when the query changes or `reload` is called. */
export function useRecordPage(entity: string, query: PageQuery, filters?: Record<string, string>): RecordPage {
  const { api } = useAppServices();
  const [result, setResult] = useState<{ items: RecordItem[]; total: number; error?: string }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const filterKey = JSON.stringify(filters ?? {});

  useEffect(() => {
    let live = true;
    setLoading(true);
    api.list(entity, { page: query.page, pageSize: query.pageSize, q: query.q || undefined, filters }).then(
      (page) => { if (live) setResult({ items: page.items, total: page.total }); },
      (e: unknown) => { if (live) setResult({ items: [], total: 0, error: errorMessage(e) }); },
    ).finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [api, entity, query.page, query.pageSize, query.q, filterKey, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...result, loading, reload };
}
