/**
 * The engine process the graceful-shutdown test signals:
 * `node --import tsx shutdownChild.ts <database config JSON> <data dir> <SHUTDOWN_TIMEOUT_MS>`.
 * A real engine served by ops/serve (the code main.ts runs), plus one test-only slow path that no
 * production build has: `POST /__test/slow` prints `SLOW STARTED` and answers once the process
 * receives SIGUSR2. Logs (JSON) and `LISTENING <port>` go to stdout. Spawned by shutdown.test.ts.
 */
import { createEngine } from '../../app/index.js';
import { loadConfig, type DatabaseConfig } from '../../config/index.js';
import { createLogger } from '../../log/index.js';
import { serve } from '../index.js';
import { TEST_KEY_ENV } from '../../testing/testKeys.js';

const [databaseJson, dataDir, shutdownTimeoutMs] = process.argv.slice(2);
try {
  const loaded = loadConfig({ DATA_DIR: dataDir, ...TEST_KEY_ENV, SHUTDOWN_TIMEOUT_MS: shutdownTimeoutMs, HTTP_KEEP_ALIVE_TIMEOUT_MS: '600000' });
  const config = { ...loaded, database: JSON.parse(databaseJson!) as DatabaseConfig, staticDirs: {}, port: 0, host: '127.0.0.1' };
  const logger = createLogger('info', process.stdout);
  const engine = await createEngine(config, { logger });
  engine.app.use(async (ctx, next) => {
    if (ctx.method !== 'POST' || ctx.path !== '/__test/slow') return next();
    process.stdout.write('SLOW STARTED\n');
    await new Promise((resolve) => process.once('SIGUSR2', resolve));
    ctx.body = { slow: 'done' };
  });
  const server = await serve(engine, config, { logger });
  const address = server.address();
  process.stdout.write(`LISTENING ${typeof address === 'object' && address ? address.port : 0}\n`);
} catch (error) {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
}
