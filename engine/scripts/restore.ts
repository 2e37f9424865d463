/** `npm run restore`: see engine/src/ops/backup and docs/operations.md. */
import { runRestoreCli } from '../src/ops/backup/index.js';

process.exitCode = await runRestoreCli(process.argv.slice(2));
