import { BadRequestError, ValidationError, type ErrorItem } from '../errors/index.js';
import { diffData } from '../records/index.js';
import type { EntitySchema } from '../schema/index.js';
import type { FieldDiff } from './ChangeRequestRepository.js';

type Data = Record<string, unknown>;
const MAX_REASON = 500;

const isPlainObject = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The record's data with the staged values applied. */
export const applied = (data: Data, diff: FieldDiff): Data => ({ ...data, ...proposedValues(diff) });

/** The values a diff proposes (`{field: to}`): the body of a resubmission of the same proposal. */
export const proposedValues = (diff: FieldDiff): Data =>
  Object.fromEntries(Object.entries(diff).map(([field, { to }]) => [field, to]));

function fieldProblems(schema: EntitySchema, proposed: Data): ErrorItem[] {
  return Object.keys(proposed).flatMap((field): ErrorItem[] => {
    const info = schema.field(field);
    if (!info) return [{ code: 'unknownField', path: `/${field}`, message: `没有「${field}」这一项信息，请刷新页面后重新填写。` }];
    if (schema.readOnlyFields.includes(field)) return [];
    return [{ code: 'notReadOnly', path: `/${field}`,
      message: `「${info.title}」不是主体信息，无需申请，请直接在机构信息页面修改。` }];
  });
}

/**
 * Reads `{data: {<readOnly field>: value…}, reason}` against the current data: the whole record with
 * the changes applied must validate. Returns the field-level diff of the read-only fields; throws
 * 400/422 with Chinese messages and paths (`/<field>`, `/reason`).
 */
export function readProposal(schema: EntitySchema, current: Data, input: unknown): { diff: FieldDiff; reason: string } {
  const body = isPlainObject(input) ? input : undefined;
  if (!body || !isPlainObject(body.data)) throw new BadRequestError('请求体应为 {"data": {…}, "reason": "…"}。');
  const problems = fieldProblems(schema, body.data);
  const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
  if (reason === '' || reason.length > MAX_REASON) {
    problems.push({ code: 'reason', path: '/reason', message: `请填写修改原因（不超过 ${MAX_REASON} 字），便于上级审核。` });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  const merged = schema.normalize({ ...current, ...body.data });
  const errors = schema.validate(merged);
  if (errors.length > 0) throw new ValidationError(errors);
  const after = Object.fromEntries(Object.keys(body.data).map((f) => [f, merged[f]]));
  const before = Object.fromEntries(Object.keys(body.data).map((f) => [f, current[f]]));
  const diff = diffData(before, after);
  if (Object.keys(diff).length === 0) {
    throw new ValidationError([{ code: 'noChange', path: '/data', message: '填写的主体信息与当前信息相同，没有需要修改的内容。' }]);
  }
  return { diff, reason };
}
