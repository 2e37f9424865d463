import type { RecordItem, RuntimeApi } from '../../api';
import { useAppServices } from '../AppServices';
import { useLoadable, type Reloadable } from '../common';

/** The largest page the engine serves. */
export const MAX_PAGE_SIZE = 100;

/** Every record of an entity the user may see, page by page (e.g. all departments, to draw their tree). */
export async function loadAllRecords(api: RuntimeApi, entity: string): Promise<RecordItem[]> {
  const all: RecordItem[] = [];
  for (let page = 1; ; page += 1) {
    const result = await api.list(entity, { page, pageSize: MAX_PAGE_SIZE });
    all.push(...result.items);
    if (result.items.length < MAX_PAGE_SIZE || all.length >= result.total) return all;
  }
}

export function useAllRecords(entity: string): Reloadable<RecordItem[]> {
  const { api } = useAppServices();
  return useLoadable(() => loadAllRecords(api, entity), [api, entity]);
}
