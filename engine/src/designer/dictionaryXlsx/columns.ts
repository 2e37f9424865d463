import type { DictionaryItemDraft } from '../../contract/designer.js';
import type { CellValue } from '../../excel/index.js';

/** An item of a dictionary definition as stored in its content (`definitions/schemas/dictionary.schema.json`). */
export type DictionaryItemContent = DictionaryItemDraft;

type Plain = string | number | boolean;
/** What a cell contributes to the item, or the problem (Chinese, without the row and column). */
type ReadResult = { set: Partial<DictionaryItemContent> } | { problem: string };

/** One column of the dictionary sheet: its title, how an item is written into it and read back. */
export interface ItemColumn {
  field: keyof DictionaryItemContent;
  title: string;
  width: number;
  required?: boolean;
  note: string;
  write(item: DictionaryItemContent): CellValue;
  read(value: Plain): ReadResult;
}

const CODE_PATTERN = /^[A-Za-z0-9._-]{1,32}$/;
const ENABLED = new Map<string, boolean>([['启用', true], ['是', true], ['停用', false], ['否', false]]);
const ALIAS_SEPARATOR = /[;；、]/;

const text = (value: Plain) => String(value).trim();

function readAttrs(value: Plain): ReadResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text(value));
  } catch {
    return { problem: '不是有效的 JSON，应形如 {"grade": 3}。不需要附加属性时请留空。' };
  }
  const valid = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
    && Object.values(parsed).every((v) => ['string', 'number', 'boolean'].includes(typeof v));
  return valid ? { set: { attrs: parsed as DictionaryItemContent['attrs'] } }
    : { problem: '应为 JSON 对象，每个属性的值是文字、数字或 true/false，例如 {"grade": 3}。' };
}

/** The columns of the sheet, in order. Adding a column is adding an entry here. */
export const itemColumns: readonly ItemColumn[] = [
  { field: 'code', title: '编码', width: 14, required: true, note: '保存到记录中的值：1–32 位字母、数字或 . _ -，不能重复',
    write: (item) => item.code,
    read: (value) => (CODE_PATTERN.test(text(value)) ? { set: { code: text(value) } }
      : { problem: '编码只能由 1–32 位字母、数字或 . _ - 组成，请修改。' }) },
  { field: 'label', title: '名称', width: 30, required: true, note: '用户看到的名称，最多 100 个字',
    write: (item) => item.label,
    read: (value) => (text(value).length <= 100 ? { set: { label: text(value) } } : { problem: '名称最多 100 个字，请缩短。' }) },
  { field: 'order', title: '排序', width: 8, note: '显示顺序（整数，小的在前）；留空按行的顺序',
    write: (item) => item.order ?? null,
    read: (value) => (Number.isInteger(Number(value)) && text(value) !== '' ? { set: { order: Number(value) } }
      : { problem: '排序应填写整数，例如 10。' }) },
  { field: 'enabled', title: '状态', width: 8, note: '启用 或 停用；停用后已有记录仍可显示，但不能再选择',
    write: (item) => (item.enabled === false ? '停用' : '启用'),
    read: (value) => {
      const enabled = ENABLED.get(text(value));
      return enabled === undefined ? { problem: '状态应填写“启用”或“停用”。' } : { set: { enabled } };
    } },
  { field: 'parent', title: '上级编码', width: 14, note: '树形字典中上级项的编码；一级项留空',
    write: (item) => item.parent ?? null,
    read: (value) => ({ set: { parent: text(value) } }) },
  { field: 'aliases', title: '别名', width: 24, note: '导入时也认可的其他名称，多个用分号（;）分隔',
    write: (item) => (item.aliases ?? []).join(';'),
    read: (value) => {
      const aliases = [...new Set(text(value).split(ALIAS_SEPARATOR).map((a) => a.trim()).filter(Boolean))];
      return { set: aliases.length > 0 ? { aliases } : {} };
    } },
  { field: 'attrs', title: '附加属性', width: 30, note: '其他属性（JSON 对象），一般不需要修改',
    write: (item) => (item.attrs && Object.keys(item.attrs).length > 0 ? JSON.stringify(item.attrs) : null),
    read: readAttrs },
];
