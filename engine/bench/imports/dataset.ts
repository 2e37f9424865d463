import { createWriteStream } from 'node:fs';
import type { CellValue, ImportLayout } from '../../src/excel/index.js';
import { writeExport } from '../../src/excel/index.js';
import { addDays } from '../../src/rules/index.js';
import { residentId } from '../../src/testing/index.js';

const INSTITUTION = '江岸区人民医院';

/** A valid, unique mainland ID number per index (birth dates over ~140 years of days × 3-digit sequences). */
export const benchIdNumber = (i: number): string =>
  residentId(addDays('1960-01-01', Math.floor(i / 900)) as string, String(100 + (i % 900)).padStart(3, '0'));

/** Rows in the layout's column order from values by column key. */
function ordered(layout: ImportLayout, byKey: Record<string, CellValue>): CellValue[] {
  return layout.columns.map((c) => byKey[c.key] ?? null);
}

export async function writeWorkbook(file: string, layout: ImportLayout, rows: Iterable<CellValue[]>, refOptions: Record<string, string[]> = {}) {
  await writeExport(createWriteStream(file), layout, rows, { refOptions });
}

/** `count` people of 内科, 在岗人员. */
export function* personRows(layout: ImportLayout, count: number): Generator<CellValue[]> {
  for (let i = 0; i < count; i += 1) {
    yield ordered(layout, { '@institution': INSTITUTION, name: `考生${i}`, documentType: '居民身份证', idNumber: benchIdNumber(i),
      nationality: '中国', departmentId: '内科', employmentStatus: '在岗人员' });
  }
}

/**
 * Two 2024 segments (非应届) for each of `persons` people; every 100th person's second segment
 * starts two days late (a gap), so 1 % of the rows fail and the report has work.
 */
export function* probationRows(layout: ImportLayout, persons: number): Generator<CellValue[]> {
  for (let i = 0; i < persons; i += 1) {
    const start = addDays('2023-01-01', i % 20) as string;
    const middle = addDays(start, 120 + (i % 60)) as string;
    const next = addDays(middle, i % 100 === 0 ? 2 : 1) as string;
    const person = { '@institution': INSTITUTION, '@personName': `考生${i}`, '@personDocumentType': '居民身份证',
      '@personIdNumber': benchIdNumber(i), '@personDepartment': '内科', candidateType: '非应届', examYear: 2024,
      supervisor: '李四', supervisorCertificateCode: '110420100000001' };
    yield ordered(layout, { ...person, startDate: start, endDate: middle });
    yield ordered(layout, { ...person, startDate: next, endDate: '2024-01-31' });
  }
}
