import { workflowErrors } from './messages.js';
import type { CompleteInput, StartInput } from './types.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const OUTCOME = /^[A-Za-z][A-Za-z0-9_.-]{0,31}$/;
const MAX_COMMENT = 1000;

function readData(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw workflowErrors.badInput('/data', '附带的数据格式不正确：应为对象。');
  return value;
}

/** `{outcome, comment?, data?}` of a completion, checked before anything is written. */
export function readCompleteInput(input: unknown): CompleteInput & { comment: string | null } {
  const body = isObject(input) ? input : {};
  const { outcome, comment } = body;
  if (typeof outcome !== 'string' || !OUTCOME.test(outcome)) {
    throw workflowErrors.badInput('/outcome', '请选择处理结果（如 通过 approve、不通过 reject）。');
  }
  if (comment !== undefined && comment !== null && typeof comment !== 'string') {
    throw workflowErrors.badInput('/comment', '审批意见应为文字。');
  }
  const text = typeof comment === 'string' ? comment.trim() : '';
  if (text.length > MAX_COMMENT) throw workflowErrors.badInput('/comment', `审批意见不能超过 ${MAX_COMMENT} 个字，请精简后再提交。`);
  const data = readData(body.data);
  return { outcome, comment: text || null, ...(data ? { data } : {}) };
}

export function readStartInput(input: unknown): StartInput {
  const body = isObject(input) ? input : {};
  const businessKey = body.businessKey;
  if (businessKey !== undefined && (typeof businessKey !== 'string' || businessKey.length > 200)) {
    throw workflowErrors.badInput('/businessKey', '业务编号应为不超过 200 个字符的文字。');
  }
  const data = readData(body.data);
  return { ...(businessKey !== undefined ? { businessKey } : {}), ...(data ? { data } : {}) };
}
