import type { AccessPolicy, Actor } from '../access/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { CompletenessService } from '../completeness/index.js';
import type { Database } from '../db/index.js';
import type { DefinitionRegistry } from '../definitions/index.js';
import { newId } from '../ids/index.js';
import type { Logger } from '../log/index.js';
import type { FieldCipher } from '../privacy/index.js';
import { recordLocks, type RecordRow } from '../records/index.js';
import type { WorkflowService } from '../workflow/index.js';
import { lockHolder, orgName, PROCESS, visibleTo } from './common.js';
import { CANDIDATE_LOCKED, lockMessages, notReadyItem, preRegistrationErrors, submittedItem } from './messages.js';
import { assessReadiness, personsOf, probationsOf } from './readiness.js';
import { snapshotsOf } from './snapshot.js';
import { submissionTables, type Submission, type SubmissionItem, type SubmissionTables } from './SubmissionRepository.js';
import {
  candidateStatus, itemView, latestItems, readYear, submissionView, type CandidateView, type SubmissionItemView, type SubmissionView,
} from './views.js';

export interface PreRegistrationServiceDeps {
  db: Database;
  registry: DefinitionRegistry;
  access: AccessPolicy;
  completeness: CompletenessService;
  workflow: WorkflowService;
  clock: Clock;
  cipher: FieldCipher;
  logger?: Logger;
}

const MAX_PERSONS = 500;

function readPersonIds(body: unknown): string[] {
  const ids = (body as { personIds?: unknown } | null)?.personIds;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_PERSONS || ids.some((id) => typeof id !== 'string' || id === '')) {
    throw preRegistrationErrors.badPersonIds(MAX_PERSONS);
  }
  return [...new Set(ids as string[])];
}

/**
 * Pre-registration: the institution's candidates for an exam year with their readiness,
 * the submission (上报) of the ready ones — locked against edits and reviewed by the district
 * bureau in the `preRegistration` process (actions.ts) — and its withdrawal.
 */
export class PreRegistrationService {
  private readonly submissions: SubmissionTables;

  constructor(private readonly deps: PreRegistrationServiceDeps) {
    this.submissions = submissionTables(deps.cipher);
  }

  /** Every person of the actor's institution with readiness and status for the year, and the year's submissions. */
  async candidates(actor: Actor, rawYear: unknown): Promise<{ examYear: number; items: CandidateView[]; total: number; submissions: SubmissionView[] }> {
    const year = readYear(rawYear);
    const { db } = this.deps;
    await this.settleWithdrawn(actor.orgId);
    const persons = await personsOf(db, actor.orgId);
    const readiness = await assessReadiness(this.deps, actor, year, persons);
    const latest = latestItems(await this.submissions.itemsOfOrg(db.reader, actor.orgId, year));
    const items = persons.map((p): CandidateView => ({ personId: p.id, name: String(p.data.name ?? ''), idNumber: String(p.data.idNumber ?? ''),
      readiness: readiness.get(p.id)!, ...candidateStatus(latest.get(p.id)) }));
    const batches = (await this.submissions.ofOrg(db.reader, actor.orgId, year)).map(submissionView);
    return { examYear: year, items, total: items.length, submissions: batches };
  }

  /**
   * Submits persons (上报): refused whole when any is unknown (404), already under review or
   * accepted (409), or not ready (422, every reason of every person); else the batch, its items and
   * the locks are stored together and the review process starts.
   */
  async submit(actor: Actor, rawYear: unknown, body: unknown): Promise<SubmissionView> {
    const year = readYear(rawYear);
    const personIds = readPersonIds(body);
    const { db, clock } = this.deps;
    await this.settleWithdrawn(actor.orgId);
    const persons = new Map((await personsOf(db, actor.orgId)).map((p) => [p.id, p]));
    if (personIds.some((id) => !persons.has(id))) throw preRegistrationErrors.unknownPersons();
    const chosen = personIds.map((id) => persons.get(id)!);
    const nameOf = (p: RecordRow) => String(p.data.name ?? '');
    const latest = latestItems(await this.submissions.itemsOfOrg(db.reader, actor.orgId, year));
    const submitted = chosen.flatMap((p, i) => {
      const status = latest.get(p.id)?.status;
      return status === 'reviewing' || status === 'accepted' ? [submittedItem(i, p.id, nameOf(p), status === 'accepted')] : [];
    });
    if (submitted.length > 0) throw preRegistrationErrors.alreadySubmitted(submitted);
    const readiness = await assessReadiness(this.deps, actor, year, chosen);
    const notReady = chosen.flatMap((p, i) => (readiness.get(p.id)!.ready ? [] : [notReadyItem(i, p.id, nameOf(p), readiness.get(p.id)!.reasons)]));
    if (notReady.length > 0) throw preRegistrationErrors.notReady(notReady);

    const now = isoNow(clock);
    const snapshots = await snapshotsOf(db, this.deps.registry, chosen, await probationsOf(db, actor.orgId, year));
    const submission: Submission = { id: newId(), orgId: actor.orgId, examYear: year, status: 'reviewing', count: chosen.length,
      instanceId: null, submittedBy: actor.accountId, createdAt: now, decidedAt: null, decidedBy: null, reason: null };
    const items = chosen.map((p): SubmissionItem => ({ id: newId(), submissionId: submission.id, orgId: actor.orgId, examYear: year,
      personId: p.id, status: 'reviewing', reason: null, snapshot: snapshots.get(p.id)!, createdAt: now, decidedAt: null }));
    const holder = lockHolder(submission.id);
    try {
      await db.knex.transaction(async (trx) => {
        await this.submissions.insert(trx, submission, items);
        await recordLocks.take(trx, chosen.map((p) => ({ recordId: p.id, holder, code: CANDIDATE_LOCKED,
          message: lockMessages.reviewing(nameOf(p), year) })), now);
      });
    } catch (error) {
      // Another submission of one of these persons committed meanwhile.
      if (db.dialect.isUniqueViolation(error)) throw preRegistrationErrors.alreadySubmitted(chosen.map((p, i) => submittedItem(i, p.id, nameOf(p), false)));
      throw error;
    }
    try {
      const instance = await this.deps.workflow.start(actor, PROCESS, { businessKey: submission.id,
        data: { examYear: year, institution: await orgName(db, actor.orgId), count: chosen.length } });
      await this.submissions.setInstance(db.knex, submission.id, instance.id);
    } catch (error) {
      await db.knex.transaction(async (trx) => {
        await recordLocks.release(trx, holder);
        await this.submissions.remove(trx, submission.id);
      });
      throw error;
    }
    return submissionView((await this.submissions.byId(db.knex, submission.id))!);
  }

  /** The submitter withdraws a batch the district has not acted on: the review is withdrawn, the candidates unlocked. */
  async withdraw(actor: Actor, id: string): Promise<SubmissionView> {
    const { db } = this.deps;
    const submission = await this.submissions.byId(db.knex, id);
    if (!submission || submission.orgId !== actor.orgId) throw preRegistrationErrors.submissionNotFound();
    if (submission.status !== 'reviewing' || !submission.instanceId) throw preRegistrationErrors.notReviewing();
    await this.deps.workflow.withdraw(actor, submission.instanceId);
    await this.settleWithdrawn(actor.orgId);
    return submissionView((await this.submissions.byId(db.knex, id))!);
  }

  /**
   * One batch with its candidates as submitted: for its institution, and for the bureaus above it
   * (the district reviews it in its task); anyone else 404.
   */
  async submission(actor: Actor, id: string): Promise<{ submission: SubmissionView; items: SubmissionItemView[] }> {
    const { db } = this.deps;
    const submission = await this.submissions.byId(db.reader, id);
    if (!submission || !await visibleTo(db, actor, submission.orgId)) throw preRegistrationErrors.submissionNotFound();
    return { submission: submissionView(submission), items: (await this.submissions.items(db.reader, id)).map(itemView) };
  }

  /** Batches whose review the submitter withdrew (here or through the workflow's own route) end as withdrawn and unlock. */
  private async settleWithdrawn(orgId: string): Promise<void> {
    const { db, workflow, clock } = this.deps;
    for (const submission of await this.submissions.reviewingOf(db.knex, orgId)) {
      const instance = submission.instanceId ? await workflow.repository.getInstance(submission.instanceId) : undefined;
      if (instance?.status !== 'withdrawn') continue;
      await db.knex.transaction(async (trx) => {
        const at = instance.endedAt ?? isoNow(clock);
        if (!await this.submissions.decide(trx, submission.id, { status: 'withdrawn', at, by: instance.initiatorId })) return;
        await this.submissions.endItems(trx, submission.id, 'withdrawn', at, () => null);
        await recordLocks.release(trx, lockHolder(submission.id));
      });
    }
  }
}
