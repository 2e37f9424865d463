import type { Knex } from 'knex';
import { ValidationError, type ErrorItem } from '../errors/index.js';

type Q = Knex | Knex.Transaction;

/** What the receiving institution decides about the person: the department joined, and why. */
export interface TransferTerms {
  departmentId: string;
  reason: string;
}

const MAX_REASON = 500;
/** The entity the person's department is a record of (the `departmentId` reference of `person`). */
export const DEPARTMENT_ENTITY = 'department';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `{departmentId, reason}` of an application or its revision: the department must be one of the
 * receiving institution's own, the reason present. Throws 422 with paths; nothing is written.
 */
export async function readTerms(q: Q, input: unknown, receivingOrgId: string): Promise<TransferTerms> {
  const body = isObject(input) ? input : {};
  const problems: ErrorItem[] = [];
  const departmentId = typeof body.departmentId === 'string' ? body.departmentId.trim() : '';
  const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
  if (departmentId === '') {
    problems.push({ code: 'required', path: '/departmentId', message: '请选择调入后所在的本单位部门。' });
  } else if (!await q('records').where({ id: departmentId, entity: DEPARTMENT_ENTITY, org_id: receivingOrgId }).first('id')) {
    problems.push({ code: 'ref', path: '/departmentId', message: '所选部门不是本单位的部门，或已被删除，请重新选择。' });
  }
  if (reason === '' || reason.length > MAX_REASON) {
    problems.push({ code: 'reason', path: '/reason', message: `请填写调入理由（不超过 ${MAX_REASON} 字），便于调出单位审核。` });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return { departmentId, reason };
}
