import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine } from '../../src/app/index.js';
import { loadConfig } from '../../src/config/index.js';
import { importLayout } from '../../src/excel/index.js';
import { createLogger } from '../../src/log/index.js';
import { personRows, probationRows, writeWorkbook } from './dataset.js';

export interface PipelineRun { seconds: number; rows: number; peakMb: number; [more: string]: unknown }

/** Runs one mode of child.ts in its own process (own peak RSS); its last stdout line is the result. */
function child(args: string[]): Promise<PipelineRun> {
  return new Promise((resolve, reject) => {
    const proc = fork(new URL('./child.ts', import.meta.url).pathname, args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let out = '';
    proc.stdout!.on('data', (chunk: Buffer) => { out += String(chunk); });
    proc.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as PipelineRun);
      else reject(new Error(`bench child ${args[0]} exited with ${code}: ${out.slice(-500)}`));
    });
  });
}

function copyDatabase(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const name of fs.readdirSync(from)) if (name.startsWith('engine.sqlite')) fs.copyFileSync(path.join(from, name), path.join(to, name));
}

/**
 * (e) A probation import of `persons` × 2 rows end to end (upload → finished job, through HTTP, 1 %
 * of rows failing into the error report) next to the raw pipeline (exceljs streaming reader +
 * prepared INSERTs in one transaction) and the raw pipeline plus a streaming error report, on the
 * same file; each in its own process for its peak RSS; alternating rounds.
 */
export async function importsVsRaw(persons: number, rounds = 2) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-e-'));
  try {
    const base = path.join(dir, 'base');
    const setup = await createEngine({ ...loadConfig({ DATA_DIR: base }), staticDirs: {} }, { logger: createLogger('warn') });
    const layoutOf = (key: string) => importLayout(setup.registry.entity(key)!, setup.registry)!;
    const [people, probation] = [path.join(dir, 'people.xlsx'), path.join(dir, 'probation.xlsx')];
    await writeWorkbook(people, layoutOf('person'), personRows(layoutOf('person'), persons));
    await writeWorkbook(probation, layoutOf('probation'), probationRows(layoutOf('probation'), persons));
    const sheet = layoutOf('probation').sheet;
    await setup.close();
    const seeded = await child(['seed', base, people]);
    if (seeded.imported !== persons) throw new Error(`seeding imported ${String(seeded.imported)} of ${persons} people`);
    const runs: Record<'engine' | 'raw' | 'rawReport', PipelineRun[]> = { engine: [], raw: [], rawReport: [] };
    for (let round = 0; round < rounds; round += 1) {
      const target = path.join(dir, `round${round}`);
      copyDatabase(base, target);
      const order = round % 2 === 0 ? ['engine', 'raw', 'rawReport'] as const : ['rawReport', 'raw', 'engine'] as const;
      for (const mode of order) {
        const args = mode === 'engine' ? ['engine', target, probation] : ['raw', probation, mode === 'rawReport' ? 'report' : 'plain', sheet];
        runs[mode].push(await child(args));
      }
      fs.rmSync(target, { recursive: true, force: true });
    }
    const mean = (list: PipelineRun[], pick: (r: PipelineRun) => number) => list.reduce((n, r) => n + pick(r), 0) / list.length;
    const figure = (list: PipelineRun[]) => ({ rowsPerSecond: mean(list, (r) => r.rows / r.seconds), peakMb: Math.max(...list.map((r) => r.peakMb)) });
    return {
      rows: persons * 2,
      engine: { ...figure(runs.engine), p99Ms: Math.max(...runs.engine.map((r) => Number(r.p99Ms))),
        imported: runs.engine[0]!.imported, failed: runs.engine[0]!.failed },
      raw: figure(runs.raw),
      rawReport: figure(runs.rawReport),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
