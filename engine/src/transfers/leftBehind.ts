import type { Knex } from 'knex';
import type { DefinitionRegistry } from '../definitions/index.js';
import { recordLocks, type RecordRow } from '../records/index.js';
import type { Transfer } from './TransferRepository.js';

/** Linked records that stay with the releasing institution when a person transfers: the new one files them again (guide §六). */
export const STAYS_BEHIND: ReadonlySet<string> = new Set(['probation']);

export const LEFT_BEHIND_CODE = 'TRANSFERRED_AWAY';
export const lockHolder = (transferId: string): string => `transfer:${transferId}`;

/**
 * The records a transferred person leaves behind become the releasing institution's read-only
 * history: locked (every record write refuses them, 423), and no longer counted as references to
 * the person (the new institution may edit or delete its person freely; its rule groups and lists
 * never see them, being of another organisation).
 */
export async function leaveBehind(trx: Knex.Transaction, registry: DefinitionRegistry, staying: readonly RecordRow[],
  person: RecordRow, transfer: Transfer, now: string): Promise<void> {
  if (staying.length === 0) return;
  const ids = staying.map((r) => r.id);
  await trx('record_refs').whereIn('source_id', ids).where('target_id', person.id).delete();
  const locked = new Set((await trx('record_locks').whereIn('record_id', ids).select('record_id')).map((r: { record_id: string }) => r.record_id));
  await recordLocks.take(trx, staying.filter((r) => !locked.has(r.id)).map((r) => ({
    recordId: r.id, holder: lockHolder(transfer.id), code: LEFT_BEHIND_CODE,
    message: `这条「${registry.entity(r.entity)?.definition.content.title ?? r.entity}」属于已调出本单位的人员「${transfer.personName}」，`
      + '作为本单位的历史记录保留，不能修改或删除。',
  })), now);
}
