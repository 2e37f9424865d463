import type { Database } from '../db/index.js';
import type { DefinitionRegistry } from '../definitions/index.js';
import { ValidationError } from '../errors/index.js';
import { diffData, recordWriterIn } from '../records/index.js';
import type { ActionContext, WorkflowService } from '../workflow/index.js';
import type { FieldCipher } from '../privacy/index.js';
import { changeRequestTable, type ChangeRequest, type ChangeRequestTable } from './ChangeRequestRepository.js';
import { applied, proposedValues, readProposal } from './proposal.js';

export interface ChangeRequestActionDeps {
  db: Database;
  registry: DefinitionRegistry;
  cipher: FieldCipher;
}

export const STALE_MESSAGE = '审核期间机构信息已被修改，本申请已过期，未作任何修改。如仍需修改，请按最新的机构信息重新提交申请。';

async function pendingOf(changeRequests: ChangeRequestTable, { trx, instance }: ActionContext): Promise<ChangeRequest | undefined> {
  const request = instance.businessKey ? await changeRequests.byId(trx, instance.businessKey) : undefined;
  if (!request || request.instanceId !== instance.id) throw new Error(`Change-request instance ${instance.id} has no request`);
  return request.status === 'pending' ? request : undefined; // idempotent: the step ran before
}

/** The staged fields' before and after, as the audit keeps them (sensitive values masked). */
function auditedChanges(request: ChangeRequest, before: Record<string, unknown>, after: Record<string, unknown>, sensitive: string[]) {
  const pick = (data: Record<string, unknown>) => Object.fromEntries(Object.keys(request.diff).map((field) => [field, data[field]]));
  return diffData(pick(before), pick(after), sensitive);
}

/**
 * Applies the staged diff in the step's transaction when the record still has the version the diff
 * was taken against: written through the record writer with its audit row, version bumped. If the
 * record changed meanwhile the request ends as `stale` and nothing is applied; the process still
 * ends normally (a stale request is an outcome, not a failure the reviewer could retry).
 */
function apply(deps: ChangeRequestActionDeps, changeRequests: ChangeRequestTable) {
  return async (context: ActionContext): Promise<void> => {
    const request = await pendingOf(changeRequests, context);
    if (!request) return;
    const { trx, actor, now } = context;
    const writer = recordWriterIn(trx, deps.db);
    const record = await writer.findById(request.recordId);
    const entity = deps.registry.entity(request.entity);
    if (!entity) throw new Error(`Entity ${request.entity} is not defined`);
    if (!record || record.version !== request.baseVersion) {
      await changeRequests.decide(trx, request.id, 'stale', now, STALE_MESSAGE);
      return;
    }
    const data = entity.schema.normalize(applied(record.data, request.diff));
    const errors = entity.schema.validate(data);
    if (errors.length > 0) throw new ValidationError(errors);
    const row = { ...record, defVersion: entity.definition.version, version: record.version + 1, data };
    if (!await writer.update(row, record.version, now, actor.accountId)) {
      await changeRequests.decide(trx, request.id, 'stale', now, STALE_MESSAGE);
      return;
    }
    await writer.audit(actor, { action: 'record.update', entity: request.entity, recordId: record.id,
      details: { changes: auditedChanges(request, record.data, data, entity.schema.sensitiveFields), changeRequestId: request.id,
        requestedBy: request.requestedBy } }, now);
    await changeRequests.decide(trx, request.id, 'approved', now);
  };
}

const reject = (changeRequests: ChangeRequestTable) => async (context: ActionContext): Promise<void> => {
  const request = await pendingOf(changeRequests, context);
  if (request) await changeRequests.decide(context.trx, request.id, 'rejected', context.now);
};

/**
 * Resubmission after a send-back: the proposal the completion carried (`data.revision`, see
 * ChangeRequestService.revise; else the staged one again) is read against the record as it is now,
 * validated like a new request and staged with the record's current version as its base. A bad
 * proposal throws, so the whole completion rolls back and the request stays sent back.
 */
function revise(deps: ChangeRequestActionDeps, changeRequests: ChangeRequestTable) {
  return async (context: ActionContext): Promise<void> => {
    const request = await pendingOf(changeRequests, context);
    if (!request) return;
    const record = await recordWriterIn(context.trx, deps.db).findById(request.recordId);
    const entity = deps.registry.entity(request.entity);
    if (!record || !entity) throw new Error(`Change request ${request.id} has no ${request.entity} record`);
    const revision = context.instance.data.revision ?? { data: proposedValues(request.diff), reason: request.reason };
    const { diff, reason } = readProposal(entity.schema, record.data, revision);
    await changeRequests.revise(context.trx, request.id, { diff, reason, baseVersion: record.version });
  };
}

const withdraw = (changeRequests: ChangeRequestTable) => async (context: ActionContext): Promise<void> => {
  const request = await pendingOf(changeRequests, context);
  if (request) await changeRequests.decide(context.trx, request.id, 'withdrawn', context.now);
};

/** Registers the `institutionChange.*` actions of definitions/processes/institutionChange.json. */
export function registerChangeRequestActions(workflow: WorkflowService, deps: ChangeRequestActionDeps): void {
  const changeRequests = changeRequestTable(deps.cipher);
  workflow.registerAction('institutionChange.apply', apply(deps, changeRequests));
  workflow.registerAction('institutionChange.reject', reject(changeRequests));
  workflow.registerAction('institutionChange.revise', revise(deps, changeRequests));
  workflow.registerAction('institutionChange.withdraw', withdraw(changeRequests));
}
