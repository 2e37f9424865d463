/** `npm run backup`: see engine/src/ops/backup and docs/operations.md. */
import { runBackupCli } from '../src/ops/backup/index.js';

process.exitCode = await runBackupCli(process.argv.slice(2));
