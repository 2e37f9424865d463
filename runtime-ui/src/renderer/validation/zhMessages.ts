import type { RJSFValidationError } from '@rjsf/utils';
import type { SchemaNode } from '../../api';
import { propertySegments, schemaAt, titleAt } from '../schemaPaths';
import { formatMessages } from './formats';

type Params = Record<string, unknown>;
interface MessageInput {
  title: string;
  params: Params;
  field: SchemaNode | undefined;
}
type MessageFn = (input: MessageInput) => string;

const typeNames: Record<string, string> = {
  string: '文本', number: '数字', integer: '整数', boolean: '是/否', array: '列表', object: '一组信息',
};
const choose: MessageFn = ({ title }) => `「${title}」不是有效的选项，请从下拉列表中选择。`;

/** One Chinese message per ajv keyword, naming the field by its title (the engine's wording). */
const keywordMessages: Record<string, MessageFn> = {
  required: ({ title }) => `请填写「${title}」。`,
  type: ({ title, params }) => `「${title}」应为${typeNames[String(params.type)] ?? String(params.type)}。`,
  minLength: ({ title, params }) => `「${title}」至少需要 ${String(params.limit)} 个字符。`,
  maxLength: ({ title, params }) => `「${title}」最多 ${String(params.limit)} 个字符，请删减。`,
  minimum: ({ title, params }) => `「${title}」不能小于 ${String(params.limit)}。`,
  maximum: ({ title, params }) => `「${title}」不能大于 ${String(params.limit)}。`,
  exclusiveMinimum: ({ title, params }) => `「${title}」应大于 ${String(params.limit)}。`,
  exclusiveMaximum: ({ title, params }) => `「${title}」应小于 ${String(params.limit)}。`,
  multipleOf: ({ title, params }) => `「${title}」应为 ${String(params.multipleOf)} 的整数倍。`,
  minItems: ({ title, params }) => `「${title}」至少需要 ${String(params.limit)} 项。`,
  maxItems: ({ title, params }) => `「${title}」最多 ${String(params.limit)} 项。`,
  uniqueItems: ({ title }) => `「${title}」中有重复的项，请删除重复项。`,
  enum: choose,
  const: choose,
  oneOf: choose,
  pattern: ({ title, field }) =>
    (typeof field?.['x-patternMessage'] === 'string' ? field['x-patternMessage'] : `「${title}」的格式不正确，请核对。`),
  format: ({ title, params }) => formatMessages[String(params.format)]?.(title) ?? `「${title}」的格式不正确，请核对。`,
  additionalProperties: ({ params }) => `不支持的字段「${String(params.additionalProperty)}」，请删除后再提交。`,
};

/** Wrapper keywords whose inner errors already say what is wrong. */
const silentKeywords = new Set(['if', 'then', 'else', 'anyOf', 'allOf', 'not']);

/** The Chinese message for one rjsf validation error of a form on `root`. */
export function zhMessage(error: RJSFValidationError, root: SchemaNode): string {
  const segments = propertySegments(error.property);
  const title = titleAt(root, segments);
  const input = { title, params: (error.params ?? {}) as Params, field: schemaAt(root, segments) };
  return keywordMessages[error.name ?? '']?.(input) ?? `「${title}」填写有误。`;
}

/**
 * rjsf's `transformErrors` for a form on `root`: Chinese messages, and the noise of ajv dropped
 * (wrapper keywords; the `const` errors of each option when a choice among constants is invalid).
 */
export function localizeErrors(errors: RJSFValidationError[], root: SchemaNode): RJSFValidationError[] {
  const invalidChoices = new Set(errors.filter((e) => e.name === 'oneOf').map((e) => e.property));
  return errors
    .filter((e) => !silentKeywords.has(e.name ?? ''))
    .filter((e) => !(e.name === 'const' && invalidChoices.has(e.property)))
    .map((e) => {
      const message = zhMessage(e, root);
      return { ...e, message, stack: message };
    });
}
