/** `npm run rotate-keys`: see engine/src/privacy/rotateCli.ts and docs/operations.md. */
import { runRotateCli } from '../src/privacy/rotateCli.js';

process.exitCode = await runRotateCli(process.argv.slice(2));
