/**
 * The engine process the workflow crash test kills:
 * `node --import tsx crashChild.ts <database config JSON> <data dir> <halt: action | committed>`.
 * An engine on the given database publishes the test review process, starts one instance and
 * listens on a free port (`READY <port> <instance id>`). When the review task is completed over
 * HTTP, it halts for good (`HALTED`) and waits to be killed:
 * - `action`: inside the step, in the test action after its write, the transaction still open;
 * - `committed`: after the step committed, before the HTTP response is written.
 * Spawned by crashBetweenSteps.test.ts.
 */
import { createEngine } from '../../../app/index.js';
import { loadConfig, type DatabaseConfig } from '../../../config/index.js';
import { createLogger } from '../../../log/index.js';
import { actorFor, publishProcess, registerTestAction, reviewProcess } from './workflowFixture.js';
import { TEST_KEY_ENV } from '../../../testing/testKeys.js';

const CRASH_PROCESS = 'testCrashReview';

const [databaseJson, dataDir, halt] = process.argv.slice(2);
const halted = async (): Promise<never> => {
  process.stdout.write('HALTED\n');
  return new Promise<never>(() => {}); // never settles: only SIGKILL ends this
};

try {
  const config = { ...loadConfig({ DATA_DIR: dataDir, ...TEST_KEY_ENV }), database: JSON.parse(databaseJson!) as DatabaseConfig, staticDirs: {} };
  const engine = await createEngine(config, { logger: createLogger('warn', process.stderr) });
  registerTestAction(engine, halt === 'action' ? halted : undefined);
  if (halt === 'committed') {
    const complete = engine.workflow.complete.bind(engine.workflow);
    engine.workflow.complete = async (...args) => {
      await complete(...args);
      return halted();
    };
  }
  await publishProcess(engine, CRASH_PROCESS, reviewProcess);
  const instance = await engine.workflow.start(await actorFor(engine, 'jarmyy001'), CRASH_PROCESS, { businessKey: 'B-crash' });
  const server = await engine.listen(0);
  const address = server.address();
  process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0} ${instance.id}\n`);
} catch (error) {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
}
