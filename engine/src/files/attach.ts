import type { Knex } from 'knex';

/** The file as a record write checks it. */
export interface AttachableFile { orgId: string; mediaType: string }

/**
 * SQLite text of the mark below, for writers on a raw better-sqlite3 connection (records' fast path).
 * Already attached rows are not written again.
 */
export const ATTACH_FILE_SQL = 'UPDATE files SET attached = 1 WHERE id = ? AND attached = 0';

/**
 * Marks an upload as attached, then answers its organisation and media type (undefined when there
 * is no such file, or none of `orgId` when given). Call it inside the transaction that stores the
 * reference: the mark commits with the reference or not at all, and on PostgreSQL the row lock it
 * takes makes the orphan sweep's conditional delete wait and then skip the row. A caller without a
 * transaction calls it before writing the reference: a crash in between leaves a file that is kept
 * for nothing, never a reference to a removed file.
 */
export async function attachFile(q: Knex | Knex.Transaction, id: string, orgId?: string): Promise<AttachableFile | undefined> {
  const scope = orgId === undefined ? { id } : { id, org_id: orgId };
  await q('files').where({ ...scope, attached: false }).update({ attached: true });
  const row = await q('files').where(scope).first('org_id', 'media_type') as { org_id: string; media_type: string } | undefined;
  return row ? { orgId: row.org_id, mediaType: row.media_type } : undefined;
}
