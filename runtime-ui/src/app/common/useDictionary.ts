import { useMemo } from 'react';
import type { DictionaryItem } from '../../api';
import { useAppServices } from '../AppServices';
import { useLoadable } from './useLoadable';

export interface DictionaryOptions {
  items: DictionaryItem[];
  /** The label of a code; the code itself when unknown, `''` for none. */
  label(code: string | null | undefined): string;
}

/** A dictionary's enabled items and a code → label lookup (`roleType`, `subsystem`, …). */
export function useDictionary(key: string): DictionaryOptions {
  const { api } = useAppServices();
  const loaded = useLoadable(() => api.dictionary(key), [api, key]);
  const items = loaded.status === 'ready' ? loaded.value.items : undefined;
  return useMemo(() => {
    const enabled = (items ?? []).filter((i) => i.enabled);
    const labels = new Map((items ?? []).map((i) => [i.code, i.label]));
    return { items: enabled, label: (code) => (code ? labels.get(code) ?? code : '') };
  }, [items]);
}
