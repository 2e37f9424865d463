import type { EntityDefinition } from '../../lib';
import { useAppServices } from '../AppServices';
import { useLoadable, type Reloadable } from '../common';
import { leafItems } from '../layout';
import { detailEntities, type DetailEntity } from './detailEntities';

/**
 * The entities whose records belong to an `owner` record (a field with `x-ref.entity` = owner),
 * among the pages the user's menu opens, with the actions granted there.
 */
export function useDetailEntities(owner: string): Reloadable<DetailEntity[]> {
  const { api } = useAppServices();
  return useLoadable(async () => {
    const items = leafItems(await api.menu()).filter((item) => item.entity && item.entity !== owner);
    const definitions = await Promise.all(items.map((item) => api.entity(item.entity!).catch(() => undefined)));
    const byKey = new Map(definitions.filter((d): d is EntityDefinition => d !== undefined).map((d) => [d.key, d]));
    return detailEntities(items, byKey, owner);
  }, [api, owner]);
}
