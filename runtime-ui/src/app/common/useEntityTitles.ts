import { useMemo } from 'react';
import { useAppServices } from '../AppServices';
import { useLoadable } from './useLoadable';

/** Entity key → title (`GET /api/entities`), e.g. for a column naming the function; the key while unknown. */
export function useEntityTitles(): (key: string) => string {
  const { api } = useAppServices();
  const entities = useLoadable(() => api.entities(), [api]);
  const list = entities.status === 'ready' ? entities.value : undefined;
  return useMemo(() => {
    const titles = new Map((list ?? []).map((e) => [e.key, e.title]));
    return (key: string) => titles.get(key) ?? key;
  }, [list]);
}
