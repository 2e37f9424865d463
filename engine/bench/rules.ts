import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { addDays, CompiledRuleset, type RulesetContent } from '../src/rules/index.js';
import type { Figure } from './recordsVsRaw.js';

type Data = Record<string, unknown>;
const definitions = new URL('../../definitions/', import.meta.url);
const readJson = (name: string) => JSON.parse(fs.readFileSync(new URL(name, definitions), 'utf8')) as Record<string, unknown>;

/** Two contiguous segments per person, 12–15 months in all; one person in ten from Hong Kong with material. */
function probationGroups(count: number): Array<{ person: Data; segments: Data[] }> {
  return Array.from({ length: Math.ceil(count / 2) }, (_, i) => {
    const start = addDays('2023-01-01', i % 20) as string;
    const middle = addDays(start, 120 + (i % 60)) as string;
    const hk = i % 10 === 0;
    const segment = (startDate: string, endDate: string): Data => ({ personId: `p${i}`, candidateType: 'nonFresh', examYear: 2024,
      startDate, endDate, supervisor: '李四', supervisorCertificateCode: '110420100000001', ...(hk ? { supplementaryMaterial: `f${i}` } : {}) });
    return { person: { employmentStatus: '1', nationality: hk ? 'HKG' : 'CHN', name: `考生${i}` },
      segments: [segment(start, middle), segment(addDays(middle, 1) as string, '2024-01-31')] };
  });
}

const HEADERS = ['机构名称', '姓名', '证件类型', '证件号码', '所在部门', '考生类型', '试用期开始日期', '试用期结束日期', '带教老师', '带教执业证书编码'];

async function writeSheet(file: string, groups: Array<{ person: Data; segments: Data[] }>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet('试用期');
  sheet.addRow(HEADERS).commit();
  groups.forEach(({ person, segments }, i) => segments.forEach((s) => sheet.addRow(['江岸区人民医院', person.name, '居民身份证',
    `42010219900101${String(i % 10000).padStart(4, '0')}`, '内科', '非应届', s.startDate, s.endDate, s.supervisor, s.supervisorCertificateCode]).commit()));
  await workbook.commit();
}

/** exceljs streaming: every data row turned into an object keyed by header — what an import does first. */
async function parseSheet(file: string): Promise<number> {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit', entries: 'emit', styles: 'ignore', hyperlinks: 'ignore' });
  for await (const worksheet of reader) {
    let headers: string[] = [];
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      if (row.number === 1) { headers = values.map(String); continue; }
      const record: Data = {};
      for (let c = 1; c < values.length; c += 1) record[headers[c]!] = values[c];
      if (record['姓名'] !== undefined) rows += 1;
    }
  }
  return rows;
}

/**
 * (d) Probation records judged with every rule of probation-2024 (record rules per record, group
 * rules once per person — `judgeGroup`, as an import judges a person's rows), next to exceljs
 * streaming-parsing the same records as an .xlsx sheet. Alternating rounds over the whole set.
 */
export async function rulesVsParse(count: number, rounds = 3): Promise<{ judge: Figure; parse: Figure; violations: number }> {
  const entity = readJson('entities/probation.json') as { schema: { properties: Data } };
  const ruleset = new CompiledRuleset(readJson('rulesets/probation-2024.json') as unknown as RulesetContent, Object.keys(entity.schema.properties));
  const groups = probationGroups(count);
  const records = groups.reduce((n, g) => n + g.segments.length, 0);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-d-'));
  const file = path.join(dir, 'probation.xlsx');
  try {
    await writeSheet(file, groups);
    const time = { judge: 0, parse: 0 };
    let violations = 0;
    const judge = () => {
      const started = performance.now();
      violations = 0;
      for (const { person, segments } of groups) {
        for (const verdicts of ruleset.judgeGroup(segments, { person })) violations += verdicts.length;
      }
      time.judge += performance.now() - started;
    };
    const parse = async () => {
      const started = performance.now();
      if ((await parseSheet(file)) !== records) throw new Error('parsed row count differs');
      time.parse += performance.now() - started;
    };
    for (let r = 0; r < rounds; r += 1) {
      if (r % 2 === 0) { judge(); await parse(); } else { await parse(); judge(); }
    }
    return {
      judge: { label: `rule judging (${ruleset.content.rules.length} rules of ${ruleset.content.key}, 2 segments per person)`, opsPerSecond: (records * rounds) / (time.judge / 1000) },
      parse: { label: 'exceljs streaming parse of the same rows (.xlsx, shared strings)', opsPerSecond: (records * rounds) / (time.parse / 1000) },
      violations,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
