import type ExcelJS from 'exceljs';
import { INSTRUCTIONS_SHEET } from '../../excel/index.js';
import { addPlainRow, createWorkbook } from '../../excel/workbook.js';
import { itemColumns, type DictionaryItemContent } from './columns.js';

/** The sheet holding the items (an import reads it, else the first visible sheet that is not the instructions). */
export const ITEMS_SHEET = '字典项';

const boldRow = (row: ExcelJS.Row) => { row.font = { bold: true }; };

/**
 * A dictionary's items as an .xlsx (streamed to `out`): the items sheet, one row per item in the
 * columns of `itemColumns`, every text cell neutralised against formula injection, and a sheet
 * explaining the columns. What it writes imports back unchanged.
 */
export async function writeDictionaryWorkbook(out: NodeJS.WritableStream, title: string, items: readonly DictionaryItemContent[]): Promise<void> {
  const workbook = createWorkbook({ stream: out });
  workbook.views = [{ activeTab: 0, firstSheet: 0, visibility: 'visible', x: 0, y: 0, width: 24000, height: 16000 }];
  const sheet = workbook.addWorksheet(ITEMS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = itemColumns.map((c) => ({ width: c.width }));
  addPlainRow(sheet, itemColumns.map((c) => c.title), boldRow);
  for (const item of items) addPlainRow(sheet, itemColumns.map((c) => c.write(item)));
  sheet.commit();
  const help = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  help.columns = [{ width: 14 }, { width: 80 }];
  addPlainRow(help, [`字典「${title}」`, '在“字典项”工作表中每行填写一项，第一行是列名，请不要修改列名。'], boldRow);
  for (const column of itemColumns) addPlainRow(help, [column.title, `${column.required ? '（必填）' : ''}${column.note}`]);
  help.commit();
  await workbook.commit();
}
