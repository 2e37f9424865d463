import type { Knex } from 'knex';
import { registerEncryptedStore, type FieldCipher } from '../privacy/index.js';
import { columnStore, openJson, sealJson, sealText } from '../privacy/columns/index.js';

/** `withdrawn`: the institution withdrew the batch before the district acted. */
export type SubmissionStatus = 'reviewing' | 'accepted' | 'returned' | 'withdrawn';
export type ItemStatus = SubmissionStatus;

/** What a candidate looked like when submitted (labels as shown then): the accepted lists show this. */
export interface CandidateSnapshot {
  name: string;
  sex: string | null;
  documentType: string | null;
  idNumber: string;
  birthDate: string | null;
  mobile: string | null;
  department: string | null;
  candidateType: string | null;
  /** The probation segments of the exam year, `YYYY-MM-DD 至 YYYY-MM-DD`. */
  probation: string[];
}

export interface Submission {
  id: string;
  orgId: string;
  examYear: number;
  status: SubmissionStatus;
  count: number;
  instanceId: string | null;
  submittedBy: string;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  /** Why the whole batch was returned. */
  reason: string | null;
}

export interface SubmissionItem {
  id: string;
  submissionId: string;
  orgId: string;
  examYear: number;
  personId: string;
  status: ItemStatus;
  /** Why this candidate was returned. */
  reason: string | null;
  snapshot: CandidateSnapshot;
  createdAt: string;
  decidedAt: string | null;
}

type Q = Knex | Knex.Transaction;
type Raw = Record<string, unknown>;
const SUBMISSIONS = 'pre_registration_submissions';
const ITEMS = 'pre_registration_items';
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The ID number (exact search of the accepted lists through its blind index) and the snapshot are encrypted. */
const ID_NUMBER = { column: 'id_number', context: `${ITEMS}.idNumber`, form: 'text',
  blindIndex: { column: 'id_number_bi', scope: `${ITEMS}.idNumber` } } as const;
const SNAPSHOT = { column: 'snapshot', context: `${ITEMS}.snapshot`, form: 'json' } as const;
registerEncryptedStore(columnStore(ITEMS, ITEMS, [ID_NUMBER, SNAPSHOT]));

/** The blind index an exact search by ID number compares with `id_number_bi`. */
export const idNumberIndex = (cipher: FieldCipher, idNumber: string): string => cipher.blindIndex(idNumber, ID_NUMBER.blindIndex.scope);

const submissionOf = (r: Raw): Submission => ({
  id: String(r.id), orgId: String(r.org_id), examYear: Number(r.exam_year), status: r.status as SubmissionStatus, count: Number(r.count),
  instanceId: str(r.instance_id), submittedBy: String(r.submitted_by), createdAt: String(r.created_at), decidedAt: str(r.decided_at),
  decidedBy: str(r.decided_by), reason: str(r.reason),
});

export const itemOf = (cipher: FieldCipher) => (r: Raw): SubmissionItem => ({
  id: String(r.id), submissionId: String(r.submission_id), orgId: String(r.org_id), examYear: Number(r.exam_year),
  personId: String(r.person_id), status: r.status as ItemStatus, reason: str(r.reason),
  snapshot: openJson<CandidateSnapshot>(cipher, String(r.snapshot), SNAPSHOT.context), createdAt: String(r.created_at), decidedAt: str(r.decided_at),
});

/** Set while an item is under review or accepted: its unique index allows one live submission per person and year. */
const activeKey = (personId: string, examYear: number) => `${personId}:${examYear}`;

/** The two tables of pre-registration; writes take the caller's transaction. */
export const submissionTables = (cipher: FieldCipher) => ({
  async byId(q: Q, id: string): Promise<Submission | undefined> {
    const row = await q(SUBMISSIONS).where('id', id).first();
    return row ? submissionOf(row) : undefined;
  },
  async reviewingOf(q: Q, orgId: string): Promise<Submission[]> {
    return (await q(SUBMISSIONS).where({ org_id: orgId, status: 'reviewing' })).map(submissionOf);
  },
  async ofOrg(q: Q, orgId: string, examYear: number): Promise<Submission[]> {
    return (await q(SUBMISSIONS).where({ org_id: orgId, exam_year: examYear }).orderBy('created_at', 'desc').orderBy('id', 'desc'))
      .map(submissionOf);
  },
  async insert(q: Q, s: Submission, items: SubmissionItem[]): Promise<void> {
    await q(SUBMISSIONS).insert({ id: s.id, org_id: s.orgId, exam_year: s.examYear, status: s.status, count: s.count,
      instance_id: s.instanceId, submitted_by: s.submittedBy, created_at: s.createdAt, decided_at: null, decided_by: null, reason: null });
    for (const item of items) {
      await q(ITEMS).insert({ id: item.id, submission_id: s.id, org_id: item.orgId, exam_year: item.examYear, person_id: item.personId,
        name: item.snapshot.name, id_number: sealText(cipher, item.snapshot.idNumber, ID_NUMBER.context),
        id_number_bi: idNumberIndex(cipher, item.snapshot.idNumber), status: item.status, active_key: activeKey(item.personId, item.examYear),
        reason: null, snapshot: sealJson(cipher, item.snapshot, SNAPSHOT.context), created_at: item.createdAt, decided_at: null });
    }
  },
  async setInstance(q: Q, id: string, instanceId: string): Promise<void> {
    await q(SUBMISSIONS).where('id', id).update({ instance_id: instanceId });
  },
  async remove(q: Q, id: string): Promise<void> {
    await q(ITEMS).where('submission_id', id).delete();
    await q(SUBMISSIONS).where('id', id).delete();
  },
  /** Ends a batch under review; false when it was no longer under review (the step ran before). */
  async decide(q: Q, id: string, decision: { status: Exclude<SubmissionStatus, 'reviewing'>; at: string; by: string; reason?: string | null }):
    Promise<boolean> {
    const count = await q(SUBMISSIONS).where({ id, status: 'reviewing' })
      .update({ status: decision.status, decided_at: decision.at, decided_by: decision.by, reason: decision.reason ?? null });
    return count === 1;
  },
  async items(q: Q, submissionId: string): Promise<SubmissionItem[]> {
    return (await q(ITEMS).where('submission_id', submissionId).orderBy('id')).map(itemOf(cipher));
  },
  /** The items of an organisation's persons for a year, oldest first (the last one per person is its status). */
  async itemsOfOrg(q: Q, orgId: string, examYear: number): Promise<SubmissionItem[]> {
    return (await q(ITEMS).where({ org_id: orgId, exam_year: examYear }).orderBy('created_at').orderBy('id')).map(itemOf(cipher));
  },
  /**
   * Ends the batch's items under review as `returned` or `withdrawn`: those `reasonOf` answers for
   * (a reason, or null for none; undefined leaves the item as it is). They no longer count as submitted.
   */
  async endItems(q: Q, submissionId: string, status: 'returned' | 'withdrawn', at: string,
    reasonOf: (personId: string) => string | null | undefined): Promise<string[]> {
    const open = await q(ITEMS).where({ submission_id: submissionId, status: 'reviewing' }).select('person_id') as Array<{ person_id: string }>;
    const ending = open.map((r) => r.person_id).filter((id) => reasonOf(id) !== undefined);
    for (const personId of ending) {
      await q(ITEMS).where({ submission_id: submissionId, person_id: personId })
        .update({ status, active_key: null, reason: reasonOf(personId), decided_at: at });
    }
    return ending;
  },
  /** The batch's items still under review become `accepted` (they stay the person's live submission). */
  async acceptRemaining(q: Q, submissionId: string, at: string): Promise<string[]> {
    const open = await q(ITEMS).where({ submission_id: submissionId, status: 'reviewing' }).select('person_id') as Array<{ person_id: string }>;
    await q(ITEMS).where({ submission_id: submissionId, status: 'reviewing' }).update({ status: 'accepted', decided_at: at });
    return open.map((r) => r.person_id);
  },
});

export type SubmissionTables = ReturnType<typeof submissionTables>;
