import type { Knex } from 'knex';
import { registerEncryptedStore, type FieldCipher } from '../privacy/index.js';
import { columnStore, openJson, sealJson } from '../privacy/columns/index.js';
import type { RealNameForm } from './form.js';

export type ApplicationStatus = 'draft' | 'submitted' | 'approved' | 'rejected';

/** A real-name application as stored (and, for its owner and reviewers, as the API shows it). */
export interface Application {
  id: string;
  accountId: string;
  orgId: string;
  status: ApplicationStatus;
  data: RealNameForm;
  scanFileId: string | null;
  instanceId: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  version: number;
}

type Q = Knex | Knex.Transaction;

const TABLE = 'real_name_applications';
/** The form (the applicant's ID number and mobile among it) is encrypted as a whole. */
const DATA = { column: 'data', context: `${TABLE}.data`, form: 'json' } as const;
registerEncryptedStore(columnStore(TABLE, TABLE, [DATA]));

const fromRow = (cipher: FieldCipher) => (r: Record<string, unknown>): Application => ({
  id: String(r.id), accountId: String(r.account_id), orgId: String(r.org_id), status: r.status as ApplicationStatus,
  data: openJson<RealNameForm>(cipher, String(r.data), DATA.context), scanFileId: (r.scan_file_id as string | null) ?? null,
  instanceId: (r.instance_id as string | null) ?? null, createdAt: String(r.created_at), updatedAt: String(r.updated_at),
  submittedAt: (r.submitted_at as string | null) ?? null, decidedAt: (r.decided_at as string | null) ?? null, version: Number(r.version),
});

/** The `real_name_applications` table; every write bumps `version` and may be conditioned on it. */
export const applicationTable = (cipher: FieldCipher) => ({
  async byAccount(q: Q, accountId: string): Promise<Application | undefined> {
    const row = await q(TABLE).where('account_id', accountId).first();
    return row ? fromRow(cipher)(row) : undefined;
  },
  async byId(q: Q, id: string): Promise<Application | undefined> {
    const row = await q(TABLE).where('id', id).first();
    return row ? fromRow(cipher)(row) : undefined;
  },
  async insert(q: Q, app: Application): Promise<void> {
    await q(TABLE).insert({ id: app.id, account_id: app.accountId, org_id: app.orgId, status: app.status, data: sealJson(cipher, app.data, DATA.context),
      scan_file_id: app.scanFileId, instance_id: app.instanceId, created_at: app.createdAt, updated_at: app.updatedAt,
      submitted_at: app.submittedAt, decided_at: app.decidedAt, version: app.version });
  },
  /** Writes `changes` when the row still has `version` and one of `statuses`; false when it changed meanwhile. */
  async update(q: Q, app: Application, statuses: ApplicationStatus[], changes: Partial<Application>): Promise<boolean> {
    const columns: Record<string, unknown> = { version: app.version + 1 };
    if (changes.status) columns.status = changes.status;
    if (changes.data) columns.data = sealJson(cipher, changes.data, DATA.context);
    if (changes.scanFileId !== undefined) columns.scan_file_id = changes.scanFileId;
    if (changes.instanceId !== undefined) columns.instance_id = changes.instanceId;
    if (changes.updatedAt) columns.updated_at = changes.updatedAt;
    if (changes.submittedAt !== undefined) columns.submitted_at = changes.submittedAt;
    if (changes.decidedAt !== undefined) columns.decided_at = changes.decidedAt;
    const count = await q(TABLE).where({ id: app.id, version: app.version }).whereIn('status', statuses).update(columns);
    return count === 1;
  },
});

export type ApplicationTable = ReturnType<typeof applicationTable>;
