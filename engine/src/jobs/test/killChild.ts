/**
 * The engine process the kill -9 test kills:
 * `node --import tsx killChild.ts <database config JSON> <data dir> <rows> <chunk> <blocked chunk>`.
 * An engine on the given database runs a chunked job that stops for good after 3 rows of chunk
 * `<blocked chunk>`, inside its open transaction, once the chunks before it have committed. It
 * reports on stdout (`JOB <id>`, then `BLOCKED`) and waits to be killed. Spawned by the test.
 */
import { createEngine } from '../../app/index.js';
import { loadConfig, type DatabaseConfig } from '../../config/index.js';
import { createLogger } from '../../log/index.js';
import { chunkedHandler, CHUNKED_ENTITY, CHUNKED_KIND } from './chunkedHandler.js';
import { TEST_KEY_ENV } from '../../testing/testKeys.js';

const [databaseJson, dataDir, rows, chunk, blockedChunk] = process.argv.slice(2);
try {
  const config = { ...loadConfig({ DATA_DIR: dataDir, ...TEST_KEY_ENV }), database: JSON.parse(databaseJson!) as DatabaseConfig, staticDirs: {} };
  const engine = await createEngine(config, {
    logger: createLogger('warn', process.stderr),
    jobHandlers: (services) => [chunkedHandler(services.db, () => new Date().toISOString(), {
      blockAt: { chunk: Number(blockedChunk), afterRows: 3, blocked: () => { process.stdout.write('BLOCKED\n'); } },
    })],
  });
  const org = await engine.db.knex('orgs').where('name', '江岸区人民医院').first('id') as { id: string };
  const account = await engine.db.knex('accounts').where('username', 'jarmyy001').first('id') as { id: string };
  const job = await engine.jobs.enqueue({ kind: CHUNKED_KIND, entity: CHUNKED_ENTITY, orgId: org.id, accountId: account.id,
    params: { rows: Number(rows), chunk: Number(chunk) }, total: Number(rows) });
  process.stdout.write(`JOB ${job.id}\n`);
} catch (error) {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
}
