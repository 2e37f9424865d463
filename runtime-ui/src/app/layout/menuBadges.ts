import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { MenuItem } from '../../api';
import { useAppServices } from '../AppServices';
import { pageRegistry } from '../navigation';
import { leafItems } from './menuTree';

/** Numbers shown next to menu items (by key), and a way for a page to have them read again. */
export interface MenuBadges {
  counts: Readonly<Record<string, number>>;
  refresh(): void;
}

export const MenuBadgesContext = createContext<MenuBadges>({ counts: {}, refresh: () => undefined });

/** The menu's counts, for a page that changes one (e.g. 待办审批 after completing a task). */
export const useMenuBadges = (): MenuBadges => useContext(MenuBadgesContext);

/**
 * Reads the count of every menu item whose registered page declares a `badge`, on mount and on
 * `refresh()`. A failed read shows no number (the page itself tells what went wrong).
 */
export function useMenuBadgeCounts(items: readonly MenuItem[]): MenuBadges {
  const { api } = useAppServices();
  const [counts, setCounts] = useState<Readonly<Record<string, number>>>({});
  const [generation, setGeneration] = useState(0);
  const keys = useMemo(() => leafItems(items).map((i) => i.key).filter((key) => pageRegistry[key]?.badge), [items]);
  useEffect(() => {
    let live = true;
    const read = (key: string) => pageRegistry[key]!.badge!(api).then((n) => [key, n] as const, () => [key, 0] as const);
    void Promise.all(keys.map(read)).then((pairs) => { if (live) setCounts(Object.fromEntries(pairs)); });
    return () => { live = false; };
  }, [api, keys, generation]);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  return useMemo(() => ({ counts, refresh }), [counts, refresh]);
}
