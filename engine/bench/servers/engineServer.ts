import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine } from '../../src/app/index.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/log/index.js';

/** The real engine on a fresh SQLite file, for the HTTP benchmark. Prints its port when ready. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-engine-'));
// Limits far above any benchmark's rate: the throttle's counting is measured, never a 429.
const unlimited = String(1_000_000_000);
const engine = await createEngine({ ...loadConfig({ DATA_DIR: dir, THROTTLE_LOGIN_PER_ADDRESS: unlimited, THROTTLE_EXPENSIVE_PER_ACCOUNT: unlimited,
  THROTTLE_EXPENSIVE_PER_ADDRESS: unlimited }), staticDirs: {} }, { logger: createLogger('silent') });
const server = await engine.listen(0);
const address = server.address();
process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0}\n`);
process.on('SIGTERM', () => {
  void engine.close().then(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
