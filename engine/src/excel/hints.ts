import type { JsonSchema } from '../definitions/index.js';
import type { ColumnKind, ImportColumn } from './types.js';

type Column = Omit<ImportColumn, 'note'>;

/** At most this many dictionary labels are spelled out in a column's hint; longer lists are in 填写说明. */
const SPELLED_OUT = 8;

/** What to write into a cell of each kind (Chinese, for the header note and 填写说明). */
const kindHints: Record<ColumnKind, (column: Column, schema: JsonSchema | undefined, refTitle?: string) => string> = {
  text: (column, schema) => {
    if (column.idNumber) return '请按证件原样填写。本列为文本格式，请勿改成数值或公式，否则长号码会变成 1.31E+17 这样的形式而无法导入。';
    const parts = [column.code ? '本列为文本格式，请按证书原样填写，请勿改成数值。' : ''];
    if (typeof schema?.maxLength === 'number') parts.push(`最多 ${schema.maxLength} 个字。`);
    return parts.join('');
  },
  date: () => '日期，格式 YYYY-MM-DD，例如 2024-01-05。',
  integer: (_column, schema) => `整数${range(schema)}。`,
  number: (_column, schema) => `数字${range(schema)}。`,
  dictionary: (column) => {
    const items = column.dictionary?.items ?? [];
    const spelled = items.length <= SPELLED_OUT ? `可选：${items.map((i) => i.label).join('、')}。` : '';
    return `请从下拉列表中选择；${spelled}也可以填写代码（见「填写说明」）。`;
  },
  ref: (column, _schema, refTitle) => column.key === '@institution'
    ? '填写本机构的名称，须与登录的机构一致。'
    : `请从下拉列表中选择本机构已有的${refTitle ?? ''}名称。`,
};

function range(schema: JsonSchema | undefined): string {
  const min = schema?.minimum;
  const max = schema?.maximum;
  if (typeof min === 'number' && typeof max === 'number') return `，${min}–${max}`;
  if (typeof min === 'number') return `，不小于 ${min}`;
  if (typeof max === 'number') return `，不大于 ${max}`;
  return '';
}

/** The Chinese hint of a column: required or not, the format, the allowed values, the field's description. */
export function columnNote(column: Column, schema: JsonSchema | undefined, refTitle?: string): string {
  const description = typeof schema?.description === 'string' ? schema.description : '';
  return [column.required ? '必填。' : '选填。', kindHints[column.kind](column, schema, refTitle), description].join('');
}
