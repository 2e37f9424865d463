import { useEffect, useState } from 'react';
import type { RecordItem } from '../../lib';
import { useAppServices } from '../AppServices';

/** One record by id (undefined while loading, without an id, or when it cannot be read). */
export function useRecord(entity: string | undefined, id: unknown): RecordItem | undefined {
  const { api } = useAppServices();
  const [record, setRecord] = useState<RecordItem>();
  useEffect(() => {
    setRecord(undefined);
    if (!entity || typeof id !== 'string' || id === '') return undefined;
    let live = true;
    api.get(entity, id).then((r) => { if (live) setRecord(r); }, () => undefined);
    return () => { live = false; };
  }, [api, entity, id]);
  return record;
}
