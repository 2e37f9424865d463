import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../app/index.js';
import { ManualClock } from '../../clock/index.js';
import { loadConfig } from '../../config/index.js';
import { openDatabase } from '../../db/index.js';
import { createLogger } from '../../log/index.js';
import { CHILD_ENGINE_TEST_TIMEOUT, spawnChildEngine, testDatabases, type ChildEngine, type TestDatabase } from '../../testing/index.js';
import { chunkedHandler, CHUNKED_ENTITY, writtenSeqs, type ChunkedHandler } from './chunkedHandler.js';
import { TEST_KEY_ENV } from '../../testing/testKeys.js';

const ROWS = 100;
const CHUNK = 10;
const BLOCKED_CHUNK = 2; // chunks 0 and 1 commit; chunk 2 is killed with 3 rows written but not committed

/** Starts the child engine and resolves with its job id once it is blocked mid-chunk (or rejects with its stderr). */
function startChild(database: TestDatabase, dataDir: string): { child: ChildEngine; blocked: Promise<string> } {
  const child = spawnChildEngine(path.join(import.meta.dirname, 'killChild.ts'),
    [JSON.stringify(database.config), dataDir, String(ROWS), String(CHUNK), String(BLOCKED_CHUNK)]);
  const blocked = Promise.all([child.line(/^JOB (.+)$/), child.line(/^BLOCKED$/)]).then(([job]) => job[1]!.trim());
  return { child, blocked };
}

describe.each(testDatabases())('a job killed with SIGKILL mid-chunk (%s)', (_name, makeDatabase) => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('resumes on the next start after its last committed chunk: every row exactly once, none half-written', async () => {
    const database = await makeDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-kill-'));
    cleanup.push(async () => { await database.dispose(); fs.rmSync(dataDir, { recursive: true, force: true }); });

    const { child, blocked } = startChild(database, dataDir);
    cleanup.push(async () => { await child.kill(); });
    const jobId = await blocked;
    expect(await child.kill()).toBe('SIGKILL');

    // What the killed process left: the committed chunks and their progress, nothing of the open chunk.
    const left = openDatabase(database.config);
    expect(await left.knex('jobs').where('id', jobId).first()).toMatchObject({ status: 'running', processed: BLOCKED_CHUNK * CHUNK });
    expect(await writtenSeqs(left, jobId)).toEqual([...Array(BLOCKED_CHUNK * CHUNK).keys()]);
    await left.destroy();

    // A new engine on the same database: a clock past the dead process's lease (PostgreSQL waits for it).
    const clock = new ManualClock(new Date(Date.now() + loadConfig().jobs.leaseMs + 1000));
    let handler!: ChunkedHandler;
    const engine: Engine = await createEngine({ ...loadConfig({ DATA_DIR: dataDir, ...TEST_KEY_ENV }), database: database.config, staticDirs: {} }, {
      clock, logger: createLogger('warn', fs.createWriteStream('/dev/null')),
      jobHandlers: (services) => [handler = chunkedHandler(services.db, () => clock.now().toISOString())],
    });
    cleanup.push(() => engine.close());

    const done = await engine.jobs.whenSettled(jobId);
    expect(handler.runs).toEqual([{ jobId, resumed: true, from: BLOCKED_CHUNK * CHUNK }]);
    expect(done).toMatchObject({ status: 'succeeded', processed: ROWS, imported: ROWS, attempts: 2 });
    expect(await writtenSeqs(engine.db, jobId)).toEqual([...Array(ROWS).keys()]);
    const audits = await engine.db.knex('audit_events').where({ entity: CHUNKED_ENTITY, action: 'record.create' }).count({ n: '*' });
    expect(audits).toEqual([{ n: ROWS }]); // each record with its audit row: nothing half-written
  }, CHILD_ENGINE_TEST_TIMEOUT);
});
