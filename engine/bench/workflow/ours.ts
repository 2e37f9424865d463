import { createEngine } from '../../src/app/index.js';
import { systemClock } from '../../src/clock/index.js';
import { loadConfig, type DatabaseConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/log/index.js';
import { action, review } from '../../src/workflow/test/bpmn.js';
import { WorkflowService } from '../../src/workflow/index.js';

/** One side of the lifecycle comparison: runs `count` full lifecycles, numbered from `from`. */
export interface LifecycleSide {
  run(from: number, count: number): Promise<void>;
  /** How many lifecycles ended on the approved path with the action's mark persisted (a check, not a figure). */
  completed(): Promise<number>;
  close(): Promise<void>;
}

const PROCESS = 'benchReview';
/**
 * Any action name the registry lists will do: this WorkflowService is our own instance on the
 * engine's database, with no business handlers registered on it.
 */
const ACTION = 'preRegistration.accept';

/**
 * Our side: a real engine (migrated, seeded) on SQLite in `dir` or on `database`, the review
 * process published as a definition (start → 审核 main@parent → gateway → Apply → end), and
 * `WorkflowService` run as a business feature calls it: start as the institution, complete the
 * task as the district bureau, each step one transaction.
 */
export async function ourSide(dir: string, database?: DatabaseConfig): Promise<LifecycleSide> {
  const engine = await createEngine({ ...loadConfig({ DATA_DIR: dir }), ...(database ? { database } : {}), staticDirs: {} },
    { logger: createLogger('silent') });
  const actorOf = async (username: string) =>
    engine.auth.actorForAccount((await engine.db.models.Account.query().findOne({ username_key: username }))!.id);
  const [initiator, reviewer] = [await actorOf('jarmyy001'), await actorOf('jawjj0001')];
  await engine.publisher.publish(reviewer, { kind: 'process', key: PROCESS, schemaVersion: 1, title: '基准审批流程',
    bpmn: review({ apply: `<bpmn:serviceTask id="Apply">${action(ACTION)}</bpmn:serviceTask>` }) });
  const workflow = new WorkflowService({ db: engine.db, registry: engine.registry, definitions: engine.definitions, clock: systemClock,
    cipher: engine.cipher });
  workflow.registerAction(ACTION, async ({ instance }) => { instance.data = { ...instance.data, applied: true }; });
  return {
    async run(from, count) {
      for (let i = from; i < from + count; i += 1) {
        const instance = await workflow.start(initiator, PROCESS, { businessKey: `B-${i}`, data: { name: `考生${i}` } });
        const [task] = await workflow.repository.tasksOf(instance.id);
        await workflow.complete(reviewer, task!.id, { outcome: 'approve', comment: '同意' });
      }
    },
    async completed() {
      const rows = await engine.db.knex('process_instances').where({ process_key: PROCESS, status: 'completed' }).select('data');
      return rows.filter((r: { data: unknown }) => (engine.db.dialect.parseJson(r.data) as { applied?: boolean }).applied === true).length;
    },
    close: () => engine.close(),
  };
}
