export type SchemaNode = Record<string, unknown>;

/** A kind of field the visual editor offers: how it is recognised in a schema and what a new one looks like. */
export interface FieldType {
  key: string;
  label: string;
  matches(node: SchemaNode): boolean;
  /** The schema keywords of the type (the field's title, flags and help are kept by the caller). */
  make(): SchemaNode;
  /** Offered when adding a field or changing its type (`other` is only recognised). */
  selectable: boolean;
}

const isObject = (value: unknown): value is SchemaNode => typeof value === 'object' && value !== null && !Array.isArray(value);
const itemsOf = (node: SchemaNode) => (isObject(node.items) ? node.items : undefined);

/** First match wins: annotations before plain JSON types. */
export const fieldTypes: readonly FieldType[] = [
  { key: 'attachment', label: '附件（图片/PDF）', selectable: true,
    matches: (n) => n['x-attachment'] !== undefined || itemsOf(n)?.['x-attachment'] !== undefined,
    make: () => ({ type: 'string', 'x-attachment': { accept: ['jpg', 'png', 'pdf'] } }) },
  { key: 'dictionary', label: '字典选择', selectable: true, matches: (n) => typeof n['x-dictionary'] === 'string',
    make: () => ({ type: 'string', 'x-dictionary': '' }) },
  { key: 'reference', label: '引用其他记录', selectable: true, matches: (n) => isObject(n['x-ref']),
    make: () => ({ type: 'string', 'x-ref': { entity: '' } }) },
  { key: 'date', label: '日期', selectable: true, matches: (n) => n.type === 'string' && n.format === 'date',
    make: () => ({ type: 'string', format: 'date' }) },
  { key: 'integer', label: '整数', selectable: true, matches: (n) => n.type === 'integer', make: () => ({ type: 'integer' }) },
  { key: 'number', label: '数字（可带小数）', selectable: true, matches: (n) => n.type === 'number', make: () => ({ type: 'number' }) },
  { key: 'boolean', label: '是/否', selectable: true, matches: (n) => n.type === 'boolean', make: () => ({ type: 'boolean' }) },
  { key: 'text', label: '文本', selectable: true, matches: (n) => n.type === 'string', make: () => ({ type: 'string', maxLength: 100 }) },
  { key: 'other', label: '其他（请在 JSON 中编辑）', selectable: false, matches: () => true, make: () => ({}) },
];

export const typeOf = (node: SchemaNode): FieldType => fieldTypes.find((t) => t.matches(node))!;
export const typeByKey = (key: string): FieldType | undefined => fieldTypes.find((t) => t.key === key);

/** Formats a text field may have (the engine and the runtime know these). */
export const textFormats: ReadonlyArray<{ value: string; label: string }> = [
  { value: '', label: '无' },
  { value: 'mobile', label: '手机号码' },
  { value: 'email', label: '电子邮箱' },
  { value: 'uri', label: '网址' },
  { value: 'uscc', label: '统一社会信用代码' },
];

/** Keywords that belong to a type: replaced when the type changes (everything else of the field is kept). */
export const TYPE_KEYWORDS = ['type', 'format', 'x-dictionary', 'x-ref', 'x-attachment', 'items', 'maxLength', 'minLength', 'pattern',
  'x-patternMessage', 'minimum', 'maximum', 'enum', 'oneOf', 'const', 'x-normalize', 'default'];
