import ExcelJS from 'exceljs';
import type { HttpClient } from '../../testing/index.js';

export type Cells = Record<string, string | number | Date | { formula: string; result?: unknown } | null>;

/** The first visible worksheet (the data sheet of a template or report). */
export function dataSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.worksheets.find((w) => w.state === 'visible' && w.name !== '填写说明');
  if (!sheet) throw new Error('no data sheet');
  return sheet;
}

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** Header titles of the data sheet, in column order. */
export function headers(sheet: ExcelJS.Worksheet): string[] {
  const values = sheet.getRow(1).values as unknown[];
  return values.slice(1).map((v) => String(v ?? ''));
}

/** A template (or report) with rows filled by header title, as a clerk fills it in Excel. */
export async function fill(bytes: Buffer, rows: Cells[], options: { startRow?: number; clear?: boolean } = {}): Promise<Buffer> {
  const workbook = await loadWorkbook(bytes);
  const sheet = dataSheet(workbook);
  const titles = headers(sheet);
  if (options.clear) for (let r = sheet.rowCount; r >= 2; r -= 1) sheet.spliceRows(r, 1);
  rows.forEach((cells, i) => {
    const row = sheet.getRow((options.startRow ?? 2) + i);
    for (const [title, value] of Object.entries(cells)) {
      const index = titles.indexOf(title);
      if (index < 0) throw new Error(`no column ${title}`);
      row.getCell(index + 1).value = value as ExcelJS.CellValue;
    }
    row.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Data rows of a sheet as objects by header title (empty rows skipped). */
export function rowsOf(sheet: ExcelJS.Worksheet): Array<Record<string, unknown>> {
  const titles = headers(sheet);
  const rows: Array<Record<string, unknown>> = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = row.values as unknown[];
    rows.push(Object.fromEntries(titles.map((t, i) => [t, values[i + 1] ?? null])));
  });
  return rows;
}

export async function template(client: HttpClient, entity: string): Promise<Buffer> {
  const response = await client.download(`/api/imports/${entity}/template`);
  if (response.status !== 200) throw new Error(`template ${entity}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.bytes;
}

export async function importFile(client: HttpClient, entity: string, bytes: Buffer, overwrite = false) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), `${entity}.xlsx`);
  if (overwrite) form.append('overwrite', 'true');
  return client.postForm(`/api/imports/${entity}`, form);
}
