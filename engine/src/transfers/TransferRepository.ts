import type { Knex } from 'knex';
import { registerEncryptedStore, type FieldCipher } from '../privacy/index.js';
import { columnStore, openText, sealText } from '../privacy/columns/index.js';
import { likePattern } from '../records/index.js';
import { normalizeIdNumber } from '../schema/idDocuments/index.js';

/**
 * `pending`: awaiting the releasing institution (or sent back to the applicant); `approved`: the
 * person moved; `failed`: approved, but the move was impossible by then (nothing moved, `message`
 * says why); `withdrawn`: the applicant withdrew it.
 */
export type TransferStatus = 'pending' | 'approved' | 'rejected' | 'failed' | 'withdrawn';

/** What an approval moved and left behind, by entity (record counts), and how many attachments moved with them. */
export interface TransferOutcome {
  moved: Record<string, number>;
  leftBehind: Record<string, number>;
  files: number;
}

/** A transfer-in application (调入申请), as stored. The person's identity is as it was applied for. */
export interface Transfer {
  id: string;
  personId: string;
  personName: string;
  documentType: string;
  idNumber: string;
  /** The releasing institution (调出单位) and the receiving one (调入单位, the applicant). */
  fromOrgId: string;
  toOrgId: string;
  /** The receiving institution's department the person joins. */
  departmentId: string;
  reason: string;
  status: TransferStatus;
  message: string | null;
  outcome: TransferOutcome | null;
  instanceId: string | null;
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
}

/** Which side's transfers a list shows, with its filters. */
export interface TransferListQuery {
  side: 'to_org_id' | 'from_org_id';
  /** The organisations the reader sees: its own, or (bureau) every one whose path starts with `orgPath`. */
  orgId?: string;
  orgPath?: string;
  status?: TransferStatus;
  personId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

type Q = Knex | Knex.Transaction;
const TABLE = 'transfers';
/** The ID number is encrypted, with a blind index for the exact search of the lists. */
const ID_NUMBER = { column: 'id_number', context: 'transfers.idNumber', form: 'text',
  blindIndex: { column: 'id_number_bi', scope: 'transfers.idNumber' } } as const;
registerEncryptedStore(columnStore(TABLE, TABLE, [ID_NUMBER]));

const fromRow = (cipher: FieldCipher) => (r: Record<string, unknown>): Transfer => ({
  id: String(r.id), personId: String(r.person_id), personName: String(r.person_name), documentType: String(r.document_type),
  idNumber: openText(cipher, String(r.id_number), ID_NUMBER.context),
  fromOrgId: String(r.from_org_id), toOrgId: String(r.to_org_id), departmentId: String(r.department_id),
  reason: String(r.reason), status: r.status as TransferStatus, message: (r.message as string | null) ?? null,
  outcome: r.outcome ? JSON.parse(String(r.outcome)) as TransferOutcome : null, instanceId: (r.instance_id as string | null) ?? null,
  requestedBy: String(r.requested_by), createdAt: String(r.created_at), updatedAt: String(r.updated_at),
  decidedAt: (r.decided_at as string | null) ?? null,
});

function filtered(q: Q, cipher: FieldCipher, query: Omit<TransferListQuery, 'page' | 'pageSize'>): Knex.QueryBuilder {
  const builder = q(TABLE);
  if (query.orgId) void builder.where(query.side, query.orgId);
  else void builder.whereIn(query.side, (sub) => { void sub.select('id').from('orgs').where('path', 'like', `${query.orgPath}%`); });
  if (query.status) void builder.where('status', query.status);
  if (query.personId) void builder.where('person_id', query.personId);
  if (query.q) {
    // A name by any part of it; an ID number only whole (it is stored encrypted: the blind index finds it).
    const [name, id] = [likePattern(query.q), cipher.blindIndex(normalizeIdNumber(query.q), ID_NUMBER.blindIndex.scope)];
    void builder.where((w) => { void w.whereRaw("person_name LIKE ? ESCAPE '\\'", [name]).orWhere(ID_NUMBER.blindIndex.column, id); });
  }
  return builder;
}

/** The `transfers` table; `pending_key` makes "one pending transfer per person" a constraint. */
export const transferTable = (cipher: FieldCipher) => ({
  async byId(q: Q, id: string): Promise<Transfer | undefined> {
    const row = await q(TABLE).where('id', id).first();
    return row ? fromRow(cipher)(row) : undefined;
  },
  async insert(q: Q, t: Transfer): Promise<void> {
    await q(TABLE).insert({ id: t.id, person_id: t.personId, person_name: t.personName, document_type: t.documentType,
      id_number: sealText(cipher, t.idNumber, ID_NUMBER.context), id_number_bi: cipher.blindIndex(t.idNumber, ID_NUMBER.blindIndex.scope),
      from_org_id: t.fromOrgId, to_org_id: t.toOrgId, department_id: t.departmentId, reason: t.reason,
      status: t.status, pending_key: t.status === 'pending' ? t.personId : null, message: t.message, outcome: null,
      instance_id: t.instanceId, requested_by: t.requestedBy, created_at: t.createdAt, updated_at: t.updatedAt, decided_at: t.decidedAt });
  },
  async setInstance(q: Q, id: string, instanceId: string): Promise<void> {
    await q(TABLE).where('id', id).update({ instance_id: instanceId });
  },
  async remove(q: Q, id: string): Promise<void> {
    await q(TABLE).where('id', id).delete();
  },
  async pendingOfPerson(q: Q, personId: string): Promise<Transfer | undefined> {
    const row = await q(TABLE).where({ person_id: personId, status: 'pending' }).first();
    return row ? fromRow(cipher)(row) : undefined;
  },
  /** A pending application's new department and reason (after a send-back). */
  async revise(q: Q, id: string, change: { departmentId: string; reason: string }, at: string): Promise<void> {
    await q(TABLE).where({ id, status: 'pending' }).update({ department_id: change.departmentId, reason: change.reason, updated_at: at });
  },
  /** Ends a pending application; false when it was no longer pending. */
  async decide(q: Q, id: string, status: Exclude<TransferStatus, 'pending'>, at: string,
    extra: { message?: string | null; outcome?: TransferOutcome } = {}): Promise<boolean> {
    const count = await q(TABLE).where({ id, status: 'pending' }).update({ status, message: extra.message ?? null,
      outcome: extra.outcome ? JSON.stringify(extra.outcome) : null, decided_at: at, updated_at: at, pending_key: null });
    return count === 1;
  },
  async list(q: Q, query: TransferListQuery): Promise<{ items: Transfer[]; total: number }> {
    const [count] = await filtered(q, cipher, query).count<Array<{ n: number }>>({ n: '*' });
    const rows = await filtered(q, cipher, query).orderBy('created_at', 'desc').orderBy('id', 'desc')
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return { items: rows.map(fromRow(cipher)), total: Number(count?.n ?? 0) };
  },
  /** Every transfer of a person, oldest first (the person's history). */
  async ofPerson(q: Q, personId: string): Promise<Transfer[]> {
    return (await q(TABLE).where('person_id', personId).orderBy('created_at').orderBy('id')).map(fromRow(cipher));
  },
});

export type TransferTable = ReturnType<typeof transferTable>;
