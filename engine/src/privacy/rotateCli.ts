import { loadConfig } from '../config/index.js';
import { openDatabase } from '../db/index.js';
import { maskDigits } from '../log/index.js';
import { developmentKeyring } from './Keyring.js';
import { FieldCipher } from './FieldCipher.js';
import { rotateKeys } from './rotateKeys.js';

const USAGE = `Usage: npm run rotate-keys
Re-encrypts every sensitive value not under the first key of DATA_KEYS (reads DATABASE_URL, DATA_DIR,
DATA_KEYS and DATA_INDEX_KEY like the engine). Safe while engines run; run it again until it reports 0.`;

/**
 * `npm run rotate-keys` (docs/operations.md). The stores register at their features' module load,
 * so the engine's composition root is imported first: every store the engine writes is walked.
 */
export async function runRotateCli(argv: string[], env: NodeJS.ProcessEnv = process.env,
  out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  if (argv.length > 0) { (argv.includes('-h') || argv.includes('--help') ? out : err)(USAGE); return argv.includes('-h') || argv.includes('--help') ? 0 : 2; }
  try {
    await import('../app/index.js');
    const config = loadConfig(env);
    const cipher = new FieldCipher(config.keyring ?? developmentKeyring(config.dataDir));
    const db = openDatabase(config.database);
    try {
      const counts = await rotateKeys(db.knex, cipher, (store, rows) => out(`  ${store}: ${rows} rows re-encrypted`));
      out(`Key rotation done: every value is under key "${cipher.activeKeyId}" (${Object.values(counts).reduce((a, b) => a + b, 0)} rows rewritten).`);
      return 0;
    } finally {
      await db.destroy();
    }
  } catch (error) {
    err(`Error: ${maskDigits((error as Error).message ?? String(error))}`);
    return 1;
  }
}
