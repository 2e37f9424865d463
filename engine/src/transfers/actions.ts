import { ForbiddenError } from '../errors/index.js';
import type { ActionContext, ActionHandler, WorkflowService } from '../workflow/index.js';
import { readTerms } from './application.js';
import { movePerson, type MoveDeps } from './movePerson.js';
import type { FieldCipher } from '../privacy/index.js';
import { transferTable, type Transfer, type TransferTable } from './TransferRepository.js';

export type TransferActionDeps = MoveDeps & { cipher: FieldCipher };

async function pendingOf(transfers: TransferTable, { trx, instance }: ActionContext): Promise<Transfer | undefined> {
  const transfer = instance.businessKey ? await transfers.byId(trx, instance.businessKey) : undefined;
  if (!transfer || transfer.instanceId !== instance.id) throw new Error(`Transfer instance ${instance.id} has no transfer`);
  return transfer.status === 'pending' ? transfer : undefined; // idempotent: the step ran before
}

/**
 * Approval: the person moves in the step's transaction, or — when that has become impossible — the
 * transfer ends as `failed` with the reason and nothing moves (an outcome, not an error the
 * approver could retry). Only the releasing institution approves (the assignment says so; this
 * guards the data it moves).
 */
function apply(deps: TransferActionDeps, transfers: TransferTable): ActionHandler {
  return async (context) => {
    const transfer = await pendingOf(transfers, context);
    if (!transfer) return;
    const { trx, actor, now } = context;
    if (actor.orgId !== transfer.fromOrgId) throw new ForbiddenError('只有调出单位可以同意调出该人员。', 'NOT_RELEASING');
    const result = await movePerson(trx, deps, transfer, actor, now);
    if (result.ok) await transfers.decide(trx, transfer.id, 'approved', now, { outcome: result.outcome });
    else await transfers.decide(trx, transfer.id, 'failed', now, { message: result.message });
  };
}

/** Rejected by the releasing institution, or withdrawn after a send-back: the completion's comment is kept as the reason. */
const ending = (transfers: TransferTable, status: 'rejected' | 'withdrawn'): ActionHandler => async (context) => {
  const transfer = await pendingOf(transfers, context);
  if (transfer) await transfers.decide(context.trx, transfer.id, status, context.now, { message: context.comment });
};

/** After a send-back the applicant resubmits: the department and reason sent with the completion (`data`) are checked and stored. */
const revise = (transfers: TransferTable): ActionHandler => async (context) => {
  const transfer = await pendingOf(transfers, context);
  if (!transfer) return;
  const { departmentId = transfer.departmentId, reason = transfer.reason } = context.instance.data as { departmentId?: unknown; reason?: unknown };
  const terms = await readTerms(context.trx, { departmentId, reason }, transfer.toOrgId);
  await transfers.revise(context.trx, transfer.id, terms, context.now);
};

/** The service-task actions of `definitions/processes/personTransfer.json`, by name. */
export function transferActions(deps: TransferActionDeps): Record<string, ActionHandler> {
  const transfers = transferTable(deps.cipher);
  return { 'transfer.apply': apply(deps, transfers), 'transfer.reject': ending(transfers, 'rejected'), 'transfer.revise': revise(transfers),
    'transfer.withdraw': ending(transfers, 'withdrawn') };
}

export function registerTransferActions(workflow: WorkflowService, deps: TransferActionDeps): void {
  for (const [name, handler] of Object.entries(transferActions(deps))) workflow.registerAction(name, handler);
}
