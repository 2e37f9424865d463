import type { Actor } from '../../../access/index.js';
import type { Engine } from '../../../app/index.js';
import type { OrgLevel } from '../../../orgs/index.js';
import { action, assignee, flow, processXml, review } from '../../test/bpmn.js';

/**
 * The test action's name: one the validation knows that no business feature registers (the
 * runtime's self-test); the tests register their own handler for it.
 */
export const TEST_ACTION = 'selfTest.record';
const apply = `<bpmn:serviceTask id="Apply">${action(TEST_ACTION)}</bpmn:serviceTask>`;

/** An actor straight from the seed, for calling the service as a business feature would. */
export async function actorFor(engine: Engine, username: string): Promise<Actor> {
  const account = await engine.db.knex('accounts').where('username', username).first('id', 'org_id');
  const org = await engine.db.knex('orgs').where('id', account.org_id).first('path', 'level');
  return { accountId: account.id, username, orgId: account.org_id, orgPath: org.path, orgLevel: org.level as OrgLevel,
    roles: [], permissions: new Set<string>() };
}

export async function publishProcess(engine: Engine, key: string, bpmn: string): Promise<number> {
  const published = await engine.publisher.publish(await actorFor(engine, 'jawjj0001'), { kind: 'process', key, schemaVersion: 1, title: `测试流程 ${key}`, bpmn });
  return published.version;
}

/**
 * The test action: writes an audit row for the instance once (idempotent: a repeat finds it);
 * throws when the instance's data asks it to, to show a failing action rolls the whole step back.
 * `afterWrite` runs inside the step after the write (the crash test halts there).
 */
export function registerTestAction(engine: Engine, afterWrite?: () => Promise<void>): void {
  engine.workflow.registerAction(TEST_ACTION, async ({ trx, instance, actor, now }) => {
    if (instance.data.explode === true) throw new Error('test action failed');
    const done = await trx('audit_events').where({ action: 'workflow.test', record_id: instance.id }).first('id');
    if (!done) await trx('audit_events').insert({ at: now, account_id: actor.accountId, action: 'workflow.test', record_id: instance.id });
    await afterWrite?.();
  });
}

export async function actionRuns(engine: Engine, instanceId: string): Promise<number> {
  const [row] = await engine.db.knex('audit_events').where({ action: 'workflow.test', record_id: instanceId }).count({ n: '*' });
  return Number(row?.n ?? 0);
}

/** start → Review (main@parent) → approve → Apply (test action) → end | reject → end. */
export const reviewProcess = review({ apply });

/** The same, reviewed by the initiator's own organisation (the initiator's main account matches). */
export const selfReviewProcess = review({ apply,
  review: '<bpmn:userTask id="Review"><bpmn:extensionElements><zj:assignee role="main" level="self" /></bpmn:extensionElements></bpmn:userTask>' });

/** Version 2 of a review: approve goes straight to the end, without the action. */
export const reviewWithoutAction = review({ fApprove: flow('FApprove', 'Outcome', 'EndApplied', 'outcome = &quot;approve&quot;'), apply: '', f3: '' });

/** start → split → ReviewA, ReviewB (both the district bureau) → join → Apply → end. */
export const parallelProcess = processXml([
  '<bpmn:startEvent id="Start" />', '<bpmn:parallelGateway id="Split" />', '<bpmn:parallelGateway id="Join" />',
  `<bpmn:userTask id="ReviewA" name="审核甲">${assignee}</bpmn:userTask>`,
  '<bpmn:userTask id="ReviewB" name="审核乙"><bpmn:extensionElements><zj:assignee role="main" level="district" /></bpmn:extensionElements></bpmn:userTask>',
  `<bpmn:serviceTask id="Apply">${action(TEST_ACTION)}</bpmn:serviceTask>`, '<bpmn:endEvent id="End" />',
  flow('F1', 'Start', 'Split'), flow('FA', 'Split', 'ReviewA'), flow('FB', 'Split', 'ReviewB'),
  flow('FA2', 'ReviewA', 'Join'), flow('FB2', 'ReviewB', 'Join'), flow('F2', 'Join', 'Apply'), flow('F3', 'Apply', 'End'),
].join('\n'));
