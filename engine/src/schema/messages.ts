import type { ErrorObject } from 'ajv/dist/2020.js';
import type { ErrorItem } from '../errors/index.js';
import { domainFormats, standardFormatMessages } from './formats.js';

type Params = Record<string, unknown>;
type MessageFn = (title: string, params: Params, error: ErrorObject) => string;

const typeNames: Record<string, string> = {
  string: '文本', number: '数字', integer: '整数', boolean: '是/否', array: '列表', object: '一组信息',
};

/** One Chinese message per ajv keyword, naming the field by its title (never by its code name). */
const keywordMessages: Record<string, MessageFn> = {
  required: (title) => `请填写「${title}」。`,
  type: (title, p) => `「${title}」应为${typeNames[String(p.type)] ?? String(p.type)}。`,
  minLength: (title, p) => `「${title}」至少需要 ${String(p.limit)} 个字符。`,
  maxLength: (title, p) => `「${title}」最多 ${String(p.limit)} 个字符，请删减。`,
  minimum: (title, p) => `「${title}」不能小于 ${String(p.limit)}。`,
  maximum: (title, p) => `「${title}」不能大于 ${String(p.limit)}。`,
  exclusiveMinimum: (title, p) => `「${title}」应大于 ${String(p.limit)}。`,
  exclusiveMaximum: (title, p) => `「${title}」应小于 ${String(p.limit)}。`,
  multipleOf: (title, p) => `「${title}」应为 ${String(p.multipleOf)} 的整数倍。`,
  minItems: (title, p) => `「${title}」至少需要 ${String(p.limit)} 项。`,
  maxItems: (title, p) => `「${title}」最多 ${String(p.limit)} 项。`,
  uniqueItems: (title) => `「${title}」中有重复的项，请删除重复项。`,
  enum: (title) => `「${title}」不是有效的选项，请从下拉列表中选择。`,
  const: (title) => `「${title}」不是有效的选项，请从下拉列表中选择。`,
  oneOf: (title) => `「${title}」不是有效的选项，请从下拉列表中选择。`,
  pattern: (title, _p, error) =>
    (error.parentSchema?.['x-patternMessage'] as string | undefined) ?? `「${title}」的格式不正确，请核对。`,
  format: (title, p) => {
    const format = String(p.format);
    const message = domainFormats[format]?.message ?? standardFormatMessages[format];
    return message ? message(title) : `「${title}」的格式不正确，请核对。`;
  },
  additionalProperties: (_title, p) => `不支持的字段「${String(p.additionalProperty)}」，请删除后再提交。`,
  unevaluatedProperties: (_title, p) => `不支持的字段「${String(p.unevaluatedProperty)}」，请删除后再提交。`,
};

/** Wrappers whose inner errors already say what is wrong. */
const silentKeywords = new Set(['if', 'then', 'else', 'anyOf', 'allOf', 'not']);

function pathOf(error: ErrorObject): string {
  const p = error.params as Params;
  const child = error.keyword === 'required' ? p.missingProperty
    : error.keyword === 'additionalProperties' ? p.additionalProperty
      : error.keyword === 'unevaluatedProperties' ? p.unevaluatedProperty : undefined;
  return child === undefined ? error.instancePath : `${error.instancePath}/${String(child)}`;
}

/** The title of the field at a JSON pointer, found by walking the root schema (works inside if/then too). */
function titleAt(root: Params, pointer: string): string {
  let node: Params | undefined = root;
  const segments = pointer.split('/').slice(1);
  for (const segment of segments) {
    if (!node) break;
    node = /^\d+$/.test(segment) && node.items ? node.items as Params : (node.properties as Record<string, Params> | undefined)?.[segment];
  }
  return String(node?.title ?? (segments.at(-1) || '数据'));
}

/**
 * ajv errors → API error items: Chinese messages, JSON-pointer paths, one item per field and keyword,
 * `oneOf` noise collapsed (an invalid choice among consts yields one message, not three).
 */
export function toErrorItems(errors: ErrorObject[] | null | undefined, root: Params): ErrorItem[] {
  const items = new Map<string, ErrorItem>();
  const oneOfPaths = new Set(errors?.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  for (const error of errors ?? []) {
    if (silentKeywords.has(error.keyword)) continue;
    if (error.keyword === 'const' && oneOfPaths.has(error.instancePath)) continue;
    const path = pathOf(error);
    const custom = error.keyword.startsWith('x-') || error.keyword === 'errorMessage';
    const code = custom ? error.keyword.replace(/^x-/, '') : error.keyword;
    const title = titleAt(root, path);
    const message = custom ? String(error.message)
      : (keywordMessages[error.keyword]?.(title, error.params as Params, error) ?? `「${title}」填写有误。`);
    const reason = (error.params as Params).reason;
    const item: ErrorItem = { code, message, path, ...(typeof reason === 'string' ? { reason } : {}) };
    if (!items.has(`${path}|${code}`)) items.set(`${path}|${code}`, item);
  }
  return [...items.values()];
}
