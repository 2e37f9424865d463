/**
 * One measured pipeline per process, so each has its own peak RSS. Prints one JSON line.
 *   seed <dataDir> <people.xlsx>        import the people the probation rows name (not measured)
 *   engine <dataDir> <probation.xlsx>   upload through HTTP → finished job; event-loop delay meanwhile
 *   raw <probation.xlsx> report|plain <sheet>     exceljs streaming reader + prepared INSERTs in one transaction (+ streaming error report)
 */
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { createEngine } from '../../src/app/index.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/log/index.js';
import { HttpClient } from '../../src/testing/index.js';

const [mode, first, second, third] = process.argv.slice(2);
const peakMb = () => process.resourceUsage().maxRSS / 1024;

async function openEngine(dataDir: string) {
  const config = { ...loadConfig({ DATA_DIR: dataDir }), staticDirs: {} };
  return createEngine(config, { logger: createLogger('warn') });
}

async function seed(dataDir: string, file: string) {
  const engine = await openEngine(dataDir);
  const account = await engine.db.models.Account.query().findOne({ username: 'jarmyy001' });
  const actor = await engine.auth.actorForAccount(account!.id);
  const { job } = await engine.imports.start(actor, 'person', file, false);
  const done = await engine.jobs.whenSettled(job.id);
  if (done.reportFile) {
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(done.reportFile);
    report.worksheets.find((w) => w.state === 'visible')!.eachRow((row, n) => { if (n > 1 && n < 6) console.error('seed row failed:', JSON.stringify(row.values)); });
  }
  await engine.close();
  return { imported: done.imported, failed: done.failed };
}

async function throughEngine(dataDir: string, file: string) {
  const engine = await openEngine(dataDir);
  const server = await engine.listen(0);
  const address = server.address();
  const client = new HttpClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  await client.firstLogin('jarmyy001');
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const bytes = fs.readFileSync(file);
  const started = performance.now();
  delay.enable();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), 'probation.xlsx');
  const response = await client.postForm('/api/imports/probation', form);
  if (response.status !== 202) throw new Error(`upload answered ${response.status}: ${JSON.stringify(response.body)}`);
  const done = await engine.jobs.whenSettled(response.body.job.id);
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  await engine.close();
  return { seconds, rows: done.total, imported: done.imported, failed: done.failed, status: done.status,
    p99Ms: delay.percentile(99) / 1e6, maxMs: delay.max / 1e6 };
}

/** The baseline: parse with exceljs' streaming reader, insert each row's JSON with one prepared statement, one transaction. */
async function raw(file: string, withReport: boolean, sheetName: string) {
  const dir = fs.mkdtempSync(path.join(path.dirname(file), 'raw-'));
  const db = new Database(path.join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE records (id INTEGER PRIMARY KEY, data TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO records (data) VALUES (?)');
  const report = withReport ? new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(dir, 'report.xlsx'), useSharedStrings: false }) : undefined;
  const reportSheet = report?.addWorksheet('试用期');
  const started = performance.now();
  let rows = 0;
  db.exec('BEGIN');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit', entries: 'emit', styles: 'ignore', hyperlinks: 'ignore' });
  for await (const worksheet of reader) {
    // exceljs' own pass often loses workbook.xml (stored last) and names the sheets Sheet1…
    // (exceljs #3064): the data sheet is known by its part number (sheet2, after _meta).
    const { name, id } = worksheet as unknown as { name?: string; id: string | number };
    if (name !== sheetName && String(id) !== '2') {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) void row;
      continue;
    }
    let titles: string[] = [];
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      if (row.number === 1) { titles = values.map((v) => String(v ?? '')); reportSheet?.addRow(['错误原因', ...titles.slice(1)]).commit(); continue; }
      if (titles.length === 0) continue;
      const record: Record<string, unknown> = {};
      for (let c = 1; c < values.length; c += 1) record[titles[c]!] = values[c];
      insert.run(JSON.stringify(record));
      rows += 1;
      if (reportSheet && rows % 100 === 1) reportSheet.addRow(['试用期不连续', ...values.slice(1)]).commit();
    }
  }
  db.exec('COMMIT');
  await report?.commit();
  const seconds = (performance.now() - started) / 1000;
  if (rows === 0) throw new Error('the raw pipeline read no rows');
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { seconds, rows };
}

const runs: Record<string, () => Promise<Record<string, unknown>>> = {
  seed: () => seed(first!, second!),
  engine: () => throughEngine(first!, second!),
  raw: () => raw(first!, second === 'report', third!),
};
const result = await runs[mode!]!();
console.log(JSON.stringify({ ...result, peakMb: peakMb() }));
process.exit(0);
