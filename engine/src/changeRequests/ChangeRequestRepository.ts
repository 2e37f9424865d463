import type { Knex } from 'knex';
import { registerEncryptedStore, type FieldCipher } from '../privacy/index.js';
import { columnStore, openJson, sealJson } from '../privacy/columns/index.js';

/** `withdrawn`: the institution withdrew the review before anyone acted on it. */
export type ChangeRequestStatus = 'pending' | 'approved' | 'rejected' | 'stale' | 'withdrawn';
export type FieldDiff = Record<string, { from: unknown; to: unknown }>;

/** A staged change of read-only fields, as stored. */
export interface ChangeRequest {
  id: string;
  orgId: string;
  entity: string;
  recordId: string;
  /** The record version the diff was taken against. */
  baseVersion: number;
  diff: FieldDiff;
  reason: string;
  status: ChangeRequestStatus;
  /** Why it ended as it did (stale: the record changed meanwhile). */
  message: string | null;
  instanceId: string | null;
  requestedBy: string;
  createdAt: string;
  decidedAt: string | null;
}

type Q = Knex | Knex.Transaction;
const TABLE = 'change_requests';
/** The staged before/after values are encrypted as a whole (they may hold personal data of any read-only field). */
const DIFF = { column: 'diff', context: `${TABLE}.diff`, form: 'json' } as const;
registerEncryptedStore(columnStore(TABLE, TABLE, [DIFF]));

const fromRow = (cipher: FieldCipher) => (r: Record<string, unknown>): ChangeRequest => ({
  id: String(r.id), orgId: String(r.org_id), entity: String(r.entity), recordId: String(r.record_id), baseVersion: Number(r.base_version),
  diff: openJson<FieldDiff>(cipher, String(r.diff), DIFF.context), reason: String(r.reason), status: r.status as ChangeRequestStatus,
  message: (r.message as string | null) ?? null, instanceId: (r.instance_id as string | null) ?? null, requestedBy: String(r.requested_by),
  createdAt: String(r.created_at), decidedAt: (r.decided_at as string | null) ?? null,
});

/** The `change_requests` table; `pending_key` makes "one pending request per organisation and entity" a constraint. */
export const changeRequestTable = (cipher: FieldCipher) => ({
  async byId(q: Q, id: string): Promise<ChangeRequest | undefined> {
    const row = await q(TABLE).where('id', id).first();
    return row ? fromRow(cipher)(row) : undefined;
  },
  async ofOrg(q: Q, orgId: string, entity: string): Promise<ChangeRequest[]> {
    return (await q(TABLE).where({ org_id: orgId, entity }).orderBy('created_at', 'desc').orderBy('id', 'desc')).map(fromRow(cipher));
  },
  async insert(q: Q, r: ChangeRequest): Promise<void> {
    await q(TABLE).insert({ id: r.id, org_id: r.orgId, entity: r.entity, record_id: r.recordId, base_version: r.baseVersion,
      diff: sealJson(cipher, r.diff, DIFF.context), reason: r.reason, status: r.status, pending_key: `${r.orgId}:${r.entity}`, message: r.message,
      instance_id: r.instanceId, requested_by: r.requestedBy, created_at: r.createdAt, decided_at: r.decidedAt });
  },
  async pendingOf(q: Q, orgId: string, entity: string): Promise<ChangeRequest | undefined> {
    const row = await q(TABLE).where({ org_id: orgId, entity, status: 'pending' }).first();
    return row ? fromRow(cipher)(row) : undefined;
  },
  async setInstance(q: Q, id: string, instanceId: string): Promise<void> {
    await q(TABLE).where('id', id).update({ instance_id: instanceId });
  },
  /** Stages a revised proposal of a pending request (after a send-back), rebased on `baseVersion`. */
  async revise(q: Q, id: string, revision: { diff: FieldDiff; reason: string; baseVersion: number }): Promise<void> {
    await q(TABLE).where({ id, status: 'pending' })
      .update({ diff: sealJson(cipher, revision.diff, DIFF.context), reason: revision.reason, base_version: revision.baseVersion });
  },
  async remove(q: Q, id: string): Promise<void> {
    await q(TABLE).where('id', id).delete();
  },
  /** Ends a pending request; false when it was no longer pending. */
  async decide(q: Q, id: string, status: Exclude<ChangeRequestStatus, 'pending'>, at: string, message: string | null = null): Promise<boolean> {
    const count = await q(TABLE).where({ id, status: 'pending' })
      .update({ status, message, decided_at: at, pending_key: null });
    return count === 1;
  },
});

export type ChangeRequestTable = ReturnType<typeof changeRequestTable>;
