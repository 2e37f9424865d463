import type { Database } from '../../db/index.js';
import { knexRecordStore } from './knexRecordStore.js';
export { knexWriter as recordWriterIn } from './knexRecordStore.js';
import type { RecordStore } from './RecordWriter.js';
import { sqliteRecordStore } from './sqliteRecordStore.js';

export type { KeyRow, RecordStore, RecordWriter, RefLink, Referrer } from './RecordWriter.js';

/** The record store of each database (a registry, not a switch on the dialect). */
const stores: Record<Database['dialect']['name'], (db: Database) => RecordStore> = {
  sqlite: sqliteRecordStore,
  postgres: knexRecordStore,
};

export const recordStoreFor = (db: Database): RecordStore => stores[db.dialect.name](db);
