import { useCallback, useRef, useState } from 'react';
import type { EntityDefinition, JsonObject, RecordItem, RuntimeApi } from '../../lib';
import { useAppServices } from '../AppServices';
import { useServerErrors, type ServerErrors } from './useServerErrors';

/** What the form opens on; a new record may start with some values (e.g. the parent of a child department). */
export type EditorTarget = { mode: 'create'; initial?: JsonObject } | { mode: 'edit' | 'view'; record: RecordItem };

export interface RecordEditor {
  formData: JsonObject;
  errors: ServerErrors;
  saving: boolean;
  change(data: JsonObject): void;
  save(data: JsonObject): Promise<void>;
  reloadLatest(): Promise<void>;
}

/** Creates the record, or updates it from the version the edit started at. */
function write(api: RuntimeApi, entity: string, existing: RecordItem | undefined, version: number, data: JsonObject) {
  return existing ? api.update(entity, existing.id, version, data) : api.create(entity, data);
}

/**
 * The state of one record form: what is typed (never reset by a failed save), the version the edit
 * is based on, and the server's errors.
 */
export function useRecordEditor(definition: EntityDefinition, target: EditorTarget,
  onSaved: (record: RecordItem) => void): RecordEditor {
  const { api } = useAppServices();
  const existing = target.mode === 'create' ? undefined : target.record;
  const [formData, setFormData] = useState<JsonObject>(existing?.data ?? (target.mode === 'create' ? target.initial : undefined) ?? {});
  const current = useRef(formData);
  const [version, setVersion] = useState(existing?.version ?? 0);
  const [saving, setSaving] = useState(false);
  const errors = useServerErrors(definition.schema);

  const change = useCallback((data: JsonObject) => {
    errors.changed(current.current, data);
    current.current = data;
    setFormData(data);
  }, [errors.changed]);

  const save = async (data: JsonObject) => {
    setSaving(true);
    errors.clear();
    await write(api, definition.key, existing, version, data).then(onSaved, errors.show);
    setSaving(false);
  };

  /** After a stale-version refusal: show what is stored now (replacing what was typed) and edit on top of it. */
  const reloadLatest = async () => {
    if (!existing) return;
    await api.get(definition.key, existing.id).then((latest) => {
      current.current = latest.data;
      setFormData(latest.data);
      setVersion(latest.version);
      errors.clear();
    }, errors.show);
  };

  return { formData, errors, saving, change, save, reloadLatest };
}
