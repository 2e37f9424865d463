import type { Knex } from 'knex';
import type { DefinitionRegistry } from '../definitions/index.js';
import { ValidationError } from '../errors/index.js';
import { normalizeIdNumber } from '../schema/idDocuments/index.js';
import type { ActionContext, WorkflowService } from '../workflow/index.js';
import type { FieldCipher } from '../privacy/index.js';
import { applicationTable, type ApplicationStatus } from './ApplicationRepository.js';
import { correctableFields, textProblems, type RealNameForm } from './form.js';

export interface RealNameActionDeps {
  registry: DefinitionRegistry;
  /** Drops an account's cached identity (AuthService.forgetAccount), so its gate follows the new status. */
  forgetAccount: (accountId: string) => void;
  cipher: FieldCipher;
}

/**
 * Forgets the cached identity now and again once the step's transaction has committed: a request
 * that re-read the account between the two would otherwise cache the old status for the cache's
 * lifetime. (`executionPromise` settles after commit or rollback.)
 */
function forgetAfterCommit(trx: Knex.Transaction, deps: RealNameActionDeps, accountId: string): void {
  deps.forgetAccount(accountId);
  void trx.executionPromise.then(() => deps.forgetAccount(accountId), () => undefined);
}

/** The reviewer's corrections (`data` of the completion, merged into the instance data), checked like the form. */
function corrected(deps: RealNameActionDeps, form: RealNameForm, instanceData: Record<string, unknown>): RealNameForm {
  const next = { ...form };
  for (const field of correctableFields) {
    const value = instanceData[field];
    if (typeof value === 'string') next[field] = value.trim();
  }
  const errors = textProblems(deps.registry, next);
  if (errors.length > 0) throw new ValidationError(errors);
  return { ...next, idNumber: normalizeIdNumber(next.idNumber) };
}

function decide(deps: RealNameActionDeps, status: ApplicationStatus) {
  const applications = applicationTable(deps.cipher);
  return async ({ trx, instance, now }: ActionContext): Promise<void> => {
    const app = instance.businessKey ? await applications.byId(trx, instance.businessKey) : undefined;
    if (!app || app.instanceId !== instance.id) throw new Error(`Real-name instance ${instance.id} has no application`);
    if (app.status === status) return; // idempotent: the step ran before
    const data = status === 'approved' ? corrected(deps, app.data, instance.data) : app.data;
    if (!await applications.update(trx, app, ['submitted'], { status, data, updatedAt: now, decidedAt: now })) {
      throw new Error(`Real-name application ${app.id} changed during its review`);
    }
    await trx('accounts').where('id', app.accountId).update({ real_name_status: status });
    forgetAfterCommit(trx, deps, app.accountId);
  };
}

/** Registers `realName.approve` and `realName.reject` (definitions/processes/realNameReview.json). */
export function registerRealNameActions(workflow: WorkflowService, deps: RealNameActionDeps): void {
  workflow.registerAction('realName.approve', decide(deps, 'approved'));
  workflow.registerAction('realName.reject', decide(deps, 'rejected'));
}
