import { recordLocks } from '../records/index.js';
import type { ActionContext, WorkflowService } from '../workflow/index.js';
import { lockHolder } from './common.js';
import { lockMessages, preRegistrationErrors } from './messages.js';
import type { FieldCipher } from '../privacy/index.js';
import { submissionTables, type Submission, type SubmissionItem, type SubmissionTables } from './SubmissionRepository.js';

const MAX_REASON = 500;

/** The batch of the instance, while still under review; undefined once decided (the step ran before: idempotent). */
async function underReview(submissions: SubmissionTables, { trx, instance }: ActionContext): Promise<Submission | undefined> {
  const submission = instance.businessKey ? await submissions.byId(trx, instance.businessKey) : undefined;
  if (!submission || submission.instanceId !== instance.id) throw new Error(`Pre-registration instance ${instance.id} has no submission`);
  return submission.status === 'reviewing' ? submission : undefined;
}

/** `data.returns` of the acceptance: `[{personId, reason}]`, each a candidate of this batch with a reason. */
function readReturns(raw: unknown, items: readonly SubmissionItem[]): Map<string, string> {
  if (raw === undefined || raw === null) return new Map();
  if (!Array.isArray(raw)) throw preRegistrationErrors.badReturns('退回的考生应为列表：[{"personId": "…", "reason": "…"}]。');
  const returns = new Map<string, string>();
  raw.forEach((entry: unknown, index) => {
    const { personId, reason } = (entry ?? {}) as { personId?: unknown; reason?: unknown };
    if (typeof personId !== 'string' || !items.some((i) => i.personId === personId)) {
      throw preRegistrationErrors.badReturns('要退回的考生不在本批上报中，请刷新后重新选择。', `/data/returns/${index}/personId`);
    }
    const text = typeof reason === 'string' ? reason.trim() : '';
    if (text === '' || text.length > MAX_REASON) {
      const name = items.find((i) => i.personId === personId)!.snapshot.name;
      throw preRegistrationErrors.badReturns(`请填写退回「${name}」的原因（不超过 ${MAX_REASON} 字），说明机构需要修改哪些内容。`,
        `/data/returns/${index}/reason`);
    }
    returns.set(personId, text);
  });
  return returns;
}

/**
 * The district accepts the batch: the candidates it returns (`data.returns`, each with a reason)
 * end as returned and are unlocked; the others are accepted and stay locked. When every candidate
 * was returned the batch ends as returned.
 */
const accept = (submissions: SubmissionTables) => async (context: ActionContext): Promise<void> => {
  const submission = await underReview(submissions, context);
  if (!submission) return;
  const { trx, now, actor } = context;
  const items = await submissions.items(trx, submission.id);
  const returns = readReturns(context.instance.data.returns, items);
  const holder = lockHolder(submission.id);
  const everyone = items.every((i) => returns.has(i.personId));
  await submissions.decide(trx, submission.id, { status: everyone ? 'returned' : 'accepted', at: now, by: actor.accountId });
  await submissions.endItems(trx, submission.id, 'returned', now, (personId) => returns.get(personId));
  await recordLocks.release(trx, holder, [...returns.keys()]);
  for (const personId of await submissions.acceptRemaining(trx, submission.id, now)) {
    const name = items.find((i) => i.personId === personId)!.snapshot.name;
    await recordLocks.restate(trx, holder, personId, lockMessages.accepted(name, submission.examYear));
  }
};

/** The district returns the whole batch: the completion's comment is the reason; every candidate is unlocked. */
const returnAll = (submissions: SubmissionTables) => async (context: ActionContext): Promise<void> => {
  const submission = await underReview(submissions, context);
  if (!submission) return;
  const reason = context.comment?.trim() ?? '';
  if (reason === '') throw preRegistrationErrors.returnReasonRequired();
  const { trx, now, actor } = context;
  await submissions.decide(trx, submission.id, { status: 'returned', at: now, by: actor.accountId, reason });
  await submissions.endItems(trx, submission.id, 'returned', now, () => reason);
  await recordLocks.release(trx, lockHolder(submission.id));
};

/** Registers `preRegistration.accept` and `preRegistration.return` (definitions/processes/preRegistration.json). */
export function registerPreRegistrationActions(workflow: WorkflowService, cipher: FieldCipher): void {
  const submissions = submissionTables(cipher);
  workflow.registerAction('preRegistration.accept', accept(submissions));
  workflow.registerAction('preRegistration.return', returnAll(submissions));
}
