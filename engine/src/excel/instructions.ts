import type ExcelJS from 'exceljs';
import { addPlainRow, type WorkbookWriter } from './workbook.js';
import { INSTRUCTIONS_SHEET, REASON_TITLE, type CellValue, type ImportLayout } from './types.js';

function generalRules(layout: ImportLayout): string[] {
  const keys = new Set(layout.columns.map((c) => c.key));
  const hasCodes = layout.columns.some((c) => c.code);
  const rules = [
    `请在「${layout.sheet}」工作表中从第 2 行开始填写，每行一条记录。不要修改、增加、删除或移动第 1 行的列标题，也不要修改工作表的名称。`,
    '标题为红色的列必须填写；其他列可以不填。把鼠标停在列标题上可以看到该列的填写要求。',
    '日期请按 YYYY-MM-DD 格式填写，例如 2024-01-05。',
    ...(hasCodes ? ['证件号码、证书编码等列已设置为“文本”格式：请按证件原样填写，不要改成数值，不要使用公式；从其他表格复制时请使用“选择性粘贴 → 数值”。若号码显示成 1.31E+17 这样的形式，说明已被 Excel 改变，请把该列设为“文本”格式后重新输入。'] : []),
    '带下拉列表的列请从列表中选择；字典类的列也可以填写本说明下方列出的代码。',
    '「机构名称」须与登录的机构名称一致。',
    ...(keys.has('@personIdNumber') ? ['「姓名」「证件类型」「证件号码」须与本机构已登记的人员一致；请先在“人员基本信息”中登记人员，再导入本表。'] : []),
    `导入后若有未通过的行，可以下载错误报告：按第一列「${REASON_TITLE}」修改各行后，直接导入该报告即可（第一列可以保留）。`,
  ];
  return rules.map((rule, i) => `${i + 1}. ${rule}`);
}

/** The sheet 填写说明: how to fill the template, each column's requirements, the dictionaries' labels and codes. */
export function writeInstructionsSheet(workbook: WorkbookWriter, layout: ImportLayout): void {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  sheet.columns = [{ width: 28 }, { width: 12 }, { width: 90, style: { alignment: { wrapText: true, vertical: 'top' } } }];
  const bold = (row: ExcelJS.Row, size?: number) => row.eachCell((cell) => { cell.font = { bold: true, ...(size ? { size } : {}) }; });
  const add = (values: CellValue[], style?: (row: ExcelJS.Row) => void) => addPlainRow(sheet, values, style);
  add([`「${layout.title}」导入模板填写说明`], (row) => bold(row, 14));
  for (const rule of generalRules(layout)) add([rule]);
  add([]);
  add(['列名', '是否必填', '填写要求'], (row) => bold(row));
  for (const column of layout.columns) add([column.title, column.required ? '必填' : '选填', column.note ?? '']);
  for (const column of layout.columns.filter((c) => c.dictionary)) {
    add([]);
    add([`「${column.title}」可填写的内容`, '代码', '其他写法'], (row) => bold(row));
    for (const item of column.dictionary!.items) add([item.label, item.code, (item.aliases ?? []).join('、')]);
  }
  sheet.commit();
}
