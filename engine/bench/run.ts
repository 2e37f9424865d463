import os from 'node:os';
import { httpCreates } from './httpCreates.js';
import { loginThroughput } from './logins.js';
import { recordsVsRaw } from './recordsVsRaw.js';
import { templateFigures } from './excel.js';
import { importsVsRaw } from './imports/index.js';
import { rulesVsParse } from './rules.js';
import { lifecyclesOnPostgres, lifecyclesVsPeer } from './workflow/index.js';
import { loadFigures, loadOptionsFromEnv, printLoad } from './load/index.js';

/**
 * `npm run bench`: each figure next to a raw baseline measured in the same run on the same data.
 * Bounded: BENCH_RECORDS creates for (a), BENCH_SECONDS of load per server for (b),
 * BENCH_RULE_RECORDS for (d), BENCH_IMPORT_PERSONS (× 2 probation rows) for (e), BENCH_LIFECYCLES per side for (g),
 * BENCH_LOAD_SECONDS and BENCH_LOAD_ROUNDS for `load` (more in docs/benchmarks.md). `BENCH_ONLY=a,d` runs only those sections.
 */
const records = Number(process.env.BENCH_RECORDS ?? 1000);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const judged = Number(process.env.BENCH_RULE_RECORDS ?? 20000);
const importPersons = Number(process.env.BENCH_IMPORT_PERSONS ?? 50000);
const lifecycles = Number(process.env.BENCH_LIFECYCLES ?? 600);
const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)} %`;

const sections: Record<string, () => Promise<void>> = {
  a: async () => {
    console.log(`(a) ${records} single creates each, 5 alternating rounds, SQLite WAL, synchronous=FULL`);
    const a = await recordsVsRaw(records);
    console.log(`    ${a.service.label}: ${a.service.opsPerSecond.toFixed(0)} /s`);
    console.log(`    ${a.raw.label}: ${a.raw.opsPerSecond.toFixed(0)} /s`);
    console.log(`    ratio: ${pct(a.service.opsPerSecond, a.raw.opsPerSecond)} (goal ≥ 50 %)`);
  },
  b: async () => {
    console.log(`(b) HTTP creates, 50 connections, 3 alternating rounds of ${seconds} s per server, loopback`);
    const b = await httpCreates(seconds);
    for (const figure of [b.engine, b.bare]) {
      console.log(`    ${figure.label}: ${figure.requestsPerSecond.toFixed(0)} req/s, p50 ${figure.p50} ms, p99 ${figure.p99} ms` +
        (figure.non2xx || figure.errors ? `, non-2xx ${figure.non2xx}, errors ${figure.errors}` : ''));
    }
    console.log(`    throughput ratio: ${pct(b.engine.requestsPerSecond, b.bare.requestsPerSecond)} (goal ≥ 50 %);` +
      ` p99 ratio: ${(b.engine.p99 / b.bare.p99).toFixed(2)}× (goal ≤ 2×)`);
  },
  c: async () => {
    console.log(`(c) logins: argon2id (19 MiB, 4 passes) check, and HTTP logins at 10 connections for ${seconds} s`);
    const c = await loginThroughput(seconds);
    console.log(`    one password check: ${c.cpuMsPerCheck.toFixed(1)} ms CPU, ${c.wallMsPerCheck.toFixed(1)} ms wall (goal 20–100 ms)`);
    console.log(`    logins: ${c.loginsPerSecond.toFixed(0)} /s, p50 ${c.p50} ms, p99 ${c.p99} ms` + (c.non2xx ? `, non-2xx ${c.non2xx}` : ''));
  },
  d: async () => {
    console.log(`(d) ${judged} probation records: every rule of probation-2024 vs exceljs streaming parse, 3 alternating rounds`);
    const d = await rulesVsParse(judged);
    console.log(`    ${d.judge.label}: ${d.judge.opsPerSecond.toFixed(0)} records/s (violations found: ${d.violations}, expected 0)`);
    console.log(`    ${d.parse.label}: ${d.parse.opsPerSecond.toFixed(0)} rows/s`);
    console.log(`    ratio: ${(d.judge.opsPerSecond / d.parse.opsPerSecond).toFixed(2)}× (goal ≥ 2×)`);
  },
  e: async () => {
    console.log(`(e) probation import of ${importPersons * 2} rows end to end (HTTP upload → finished job, 1 % failing) vs raw pipelines, own process each`);
    const e = await importsVsRaw(importPersons);
    const line = (label: string, f: { rowsPerSecond: number; peakMb: number }) =>
      console.log(`    ${label}: ${f.rowsPerSecond.toFixed(0)} rows/s, peak RSS ${f.peakMb.toFixed(0)} MB`);
    line(`engine import (imported ${String(e.engine.imported)}, failed ${String(e.engine.failed)})`, e.engine);
    line('raw: exceljs streaming reader + prepared INSERTs, one transaction', e.raw);
    line('raw + exceljs streaming error report', e.rawReport);
    console.log(`    throughput: ${pct(e.engine.rowsPerSecond, e.raw.rowsPerSecond)} of raw parse+insert (goal ≥ 50 %),`
      + ` ${pct(e.engine.rowsPerSecond, e.rawReport.rowsPerSecond)} of the raw full pipeline (stretch ≥ 80 %)`);
    console.log(`    peak RSS: ${(e.engine.peakMb / e.rawReport.peakMb).toFixed(2)}× the raw full pipeline's (goal ≤ 1.5×);`
      + ` event-loop delay p99 during the import: ${e.engine.p99Ms.toFixed(0)} ms (goal ≤ 100 ms)`);
  },
  f: async () => {
    console.log('(f) template generation (probation: dropdowns via a hidden sheet, formats, notes, 填写说明, _meta), 30 alternating rounds after a warm-up');
    const f = await templateFigures();
    console.log(`    ours: ${f.template.toFixed(1)} ms; raw exceljs template with the same columns and range validations: ${f.raw.toFixed(1)} ms`);
    console.log(`    ratio: ${(f.template / f.raw).toFixed(2)}× (goal ≤ 2×)`);
  },
  g: async () => {
    const load = () => os.loadavg().map((n) => n.toFixed(1)).join(' ');
    console.log(`(g) ${lifecycles} approval lifecycles each (start, review task, approve, service action, end; every step persisted),`
      + ` 6 alternating rounds after a warm-up, SQLite WAL, synchronous=FULL; load average before: ${load()}`);
    const g = await lifecyclesVsPeer(lifecycles);
    console.log(`    ${g.ours.label}: ${g.ours.opsPerSecond.toFixed(0)} /s`);
    console.log(`    ${g.peer.label}: ${g.peer.opsPerSecond.toFixed(1)} /s`);
    console.log(`    ratio: ${(g.ours.opsPerSecond / g.peer.opsPerSecond).toFixed(1)}× (goal ≥ 2×); load average after: ${load()}`);
    const postgres = await lifecyclesOnPostgres(lifecycles);
    console.log(postgres ? `    ${postgres.label}: ${postgres.opsPerSecond.toFixed(0)} /s`
      : '    PostgreSQL: no server at BENCH_DATABASE_URL or 127.0.0.1:5432, skipped');
  },
  load: async () => {
    const options = loadOptionsFromEnv(process.env);
    const loadAverage = () => os.loadavg().map((n) => n.toFixed(1)).join(' ');
    console.log(`(load) one vs two engine processes (src/main.ts) on one fresh PostgreSQL database, autocannon on loopback,`
      + ` ${options.rounds} round(s) of ${options.seconds} s each after a ${options.warmUpSeconds} s warm-up,`
      + ` load generator: ${options.generators}; load average before: ${loadAverage()}`);
    printLoad(await loadFigures(options, (line) => console.log(`    ${line}`)), (line) => console.log(line));
    console.log(`    load average after: ${loadAverage()}`);
  },
};

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
const unknown = only?.filter((key) => !(key in sections)) ?? [];
if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown section(s) ${unknown.join(', ')}; known: ${Object.keys(sections).join(', ')}`);
for (const [key, run] of Object.entries(sections)) {
  if (!only || only.includes(key)) await run();
}
