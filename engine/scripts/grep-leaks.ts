/**
 * `tsx engine/scripts/grep-leaks.ts <file>…` (or the text on stdin): exits 1 when a valid mainland
 * ID number appears in the files — the captured output of a whole test run (.ci/run) — listing
 * each masked with its file and line; 0 when none does. See engine/src/privacy/leakScan.
 */
import fs from 'node:fs';
import { findIdNumbers } from '../src/privacy/leakScan/index.js';

const files = process.argv.slice(2);
const inputs = files.length > 0 ? files.map((file) => [file, fs.readFileSync(file, 'utf8')] as const) : [['stdin', fs.readFileSync(0, 'utf8')] as const];
let count = 0;
for (const [name, text] of inputs) {
  for (const leak of findIdNumbers(text)) {
    count += 1;
    console.error(`${name}:${leak.line}: ID number ${leak.masked}`);
  }
}
console.error(count === 0 ? 'grep-leaks: no ID numbers found' : `grep-leaks: ${count} ID number(s) found in the output (shown masked)`);
process.exitCode = count === 0 ? 0 : 1;
