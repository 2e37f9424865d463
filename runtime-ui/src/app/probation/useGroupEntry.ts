import type { ErrorItem } from '@zjrj/engine/contract';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { EntityDefinition, JsonObject, RecordItem } from '../../lib';
import { entryOf, entryRecords, judgeEntry, type EntityRules, type GroupEntryLayout } from '../../rules';
import { useAppServices } from '../AppServices';
import { useLoadable } from '../common';
import { keepUnchanged, mergeProblems, savedProblems } from './entryProblems';
import { useLookups } from './useLookups';

/** New records of a group (some shared values may be preset), or one stored record to edit. */
export type EntryTarget = { mode: 'create'; initial?: JsonObject } | { mode: 'edit'; record: RecordItem };

export interface GroupEntry {
  /** What the form shows when (re)opened; later typing is reported through `change`. */
  initial: JsonObject;
  entry: JsonObject;
  /** The group's stored records besides what is being entered (shown, and judged with it). */
  stored: RecordItem[];
  /** The rules' live verdict and the last refused save's answer, placed at their fields. */
  problems: ErrorItem[];
  /** Whether the verdict may still change without more typing: the group or a looked-up record is being read, or the last change not judged yet. */
  checking: boolean;
  saving: boolean;
  change(data: JsonObject): void;
  save(data: JsonObject): Promise<void>;
}

function initialEntry(layout: GroupEntryLayout, rules: EntityRules, target: EntryTarget): JsonObject {
  if (target.mode === 'edit') return entryOf(layout, [target.record.data]);
  return { examYear: rules.years[0], [layout.itemsField]: [{}], ...target.initial };
}

/** The stored records sharing the entry's shared values (none until all are chosen), without the one edited; `pending` while they are read. */
function useStoredGroup(definition: EntityDefinition, layout: GroupEntryLayout, entry: JsonObject, editedId?: string):
  { records: RecordItem[]; pending: boolean } {
  const { api } = useAppServices();
  const shared = layout.shared.map((field) => entry[field]);
  const complete = shared.every((v) => v !== undefined && v !== null && v !== '');
  const key = JSON.stringify(shared);
  const loaded = useLoadable(async () => {
    if (!complete) return [];
    const filters = Object.fromEntries(layout.shared.map((field) => [field, String(entry[field])]));
    return (await api.list(definition.key, { filters, pageSize: 100 })).items;
  }, [api, definition.key, key]);
  const records = useMemo(() => (loaded.status === 'ready' ? loaded.value.filter((r) => r.id !== editedId) : []), [loaded, editedId]);
  return { records, pending: loaded.pending };
}

/**
 * The state of a group entry (试用期填报): what is typed (never lost on a refused save), the
 * group's stored records, the rules judged on every change exactly as the server will judge the
 * save, and the save itself: a batch create of the new items, or an update of the one edited.
 */
export function useGroupEntry(definition: EntityDefinition, rules: EntityRules, layout: GroupEntryLayout,
  target: EntryTarget, onSaved: (records: RecordItem[]) => void): GroupEntry {
  const { api } = useAppServices();
  const [initial] = useState(() => initialEntry(layout, rules, target));
  const [entry, setEntry] = useState(initial);
  const current = useRef(entry);
  const [server, setServer] = useState<ErrorItem[]>([]);
  const [saving, setSaving] = useState(false);
  const editing = target.mode === 'edit' ? target.record : undefined;
  const group = useStoredGroup(definition, layout, entry, editing?.id);
  const stored = group.records;

  const judged = useDeferredValue(entry);
  const storedData = useMemo(() => stored.map((r) => r.data), [stored]);
  const records = useMemo(() => [...entryRecords(layout, judged), ...storedData], [layout, judged, storedData]);
  const lookups = useLookups(definition, rules.lookupFields, records);
  const live = useMemo(() => judgeEntry(rules, layout, judged, storedData, lookups.resolve), [rules, layout, judged, storedData, lookups.resolve]);
  const checking = group.pending || lookups.pending || judged !== entry;

  const change = useCallback((data: JsonObject) => {
    setServer((problems) => keepUnchanged(problems, current.current, data));
    current.current = data;
    setEntry(data);
  }, []);

  const save = async (data: JsonObject) => {
    setSaving(true);
    setServer([]);
    const items = entryRecords(layout, data);
    try {
      const saved = editing
        ? [await api.update(definition.key, editing.id, editing.version, items[0] ?? {})]
        : await api.createMany(definition.key, items);
      onSaved(saved);
    } catch (error) {
      setServer(savedProblems(layout, error, !editing));
    } finally {
      setSaving(false);
    }
  };

  return { initial, entry, stored, problems: mergeProblems(live, server), checking, saving, change, save };
}
