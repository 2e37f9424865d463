import type { RecordDataCodec } from '../db/index.js';
import type { EntityContent } from '../definitions/index.js';
import { ConflictError, type ErrorItem } from '../errors/index.js';
import type { RecordWriter } from './store/index.js';
import type { RecordRow } from './types.js';

/**
 * Turns a key's field values into the stored `value`: canonical JSON, or a keyed hash (HMAC) when
 * the key holds an `x-sensitive` field, so uniqueness and exact lookup work without the plain value.
 * The engine's is `db.recordData`.
 */
export type KeyCodec = Pick<RecordDataCodec, 'keyValue'>;

const SINGLETON = '__singleton';

/** The key rows a record holds: each declared key whose fields all have values, plus the singleton key. */
export function keysOf(entity: EntityContent, data: Record<string, unknown>, codec: KeyCodec) {
  const keys: Array<{ name: string; value: string; message: string; path: string }> = [];
  for (const key of entity.keys ?? []) {
    const values = key.fields.map((f) => data[f]);
    if (values.some((v) => v === undefined)) continue;
    keys.push({ name: key.name, value: codec.keyValue(entity.key, key, values), message: key.message,
      path: `/${key.fields[key.fields.length - 1]}` });
  }
  if (entity.singleton) {
    keys.push({ name: SINGLETON, value: '[]', path: '', message: `本机构已有一条「${entity.title}」，请修改已有的记录。` });
  }
  return keys;
}

/** `{field}` placeholders of a key message, filled from the record that already holds the key. */
const fill = (message: string, data: Record<string, unknown>) =>
  message.replace(/\{(\w+)\}/g, (_m, field: string) => String(data[field] ?? ''));

/** Refuses (409) a key another record of the same organisation already holds, naming the clash. */
export async function assertKeysFree(writer: RecordWriter, row: Pick<RecordRow, 'id' | 'entity' | 'orgId'>,
  keys: ReturnType<typeof keysOf>): Promise<void> {
  const clashes: ErrorItem[] = [];
  for (const key of keys) {
    const holder = await writer.findKeyHolder(row, key);
    if (holder && holder.id !== row.id) {
      clashes.push({ code: 'DUPLICATE', message: fill(key.message, holder.data), ...(key.path ? { path: key.path } : {}), key: key.name });
    }
  }
  if (clashes.length > 0) throw new ConflictError(clashes);
}
