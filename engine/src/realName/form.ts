import type { Knex } from 'knex';
import type { DefinitionRegistry } from '../definitions/index.js';
import { ValidationError, type ErrorItem } from '../errors/index.js';
import { attachFile } from '../files/index.js';
import { isSelectable } from '../schema/index.js';
import { normalizeIdNumber, validateIdNumber } from '../schema/idDocuments/index.js';

/** The real-name form. File ids name uploads of the applicant's organisation. */
export interface RealNameForm {
  name: string;
  documentType: string;
  idNumber: string;
  mobile: string;
  frontImageId: string;
  backImageId: string;
}

export const formFields = ['name', 'documentType', 'idNumber', 'mobile', 'frontImageId', 'backImageId'] as const;
/** The fields a reviewer may correct before approving (the images are the applicant's own). */
export const correctableFields = ['name', 'documentType', 'idNumber', 'mobile'] as const;

const MOBILE = /^1[3-9]\d{9}$/;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png']);
const str = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Checks the text fields; every problem at once, with its path. The ID number never enters a message. */
export function textProblems(registry: DefinitionRegistry, form: Partial<RealNameForm>): ErrorItem[] {
  const errors: ErrorItem[] = [];
  const name = str(form.name);
  if (!name) errors.push({ code: 'required', path: '/name', message: '请填写姓名。' });
  else if (name.length > 50) errors.push({ code: 'maxLength', path: '/name', message: '姓名不能超过 50 个字。' });
  const item = registry.dictionary('documentType')?.byCode.get(str(form.documentType));
  if (!item || !isSelectable(item)) {
    errors.push({ code: 'dictionary', path: '/documentType', message: '请选择证件类型（如 居民身份证）。' });
  } else {
    const result = validateIdNumber(String(item.attrs.validator ?? ''), typeof form.idNumber === 'string' ? form.idNumber : '');
    if (!result.ok) errors.push({ code: 'idNumber', path: '/idNumber', message: result.message });
  }
  if (!MOBILE.test(str(form.mobile))) {
    errors.push({ code: 'format', path: '/mobile', message: '手机号码应为 11 位中国大陆手机号码（以 1 开头），请核对。' });
  }
  return errors;
}

async function imageProblem(q: Knex, orgId: string, id: unknown): Promise<string | undefined> {
  if (typeof id !== 'string' || id === '' || id.length > 36) return '请上传身份证照片（JPG 或 PNG）。';
  const row = await q('files').where({ id, org_id: orgId }).first('media_type') as { media_type: string } | undefined;
  if (!row) return '照片不存在或不属于本单位，请重新上传。';
  return IMAGE_TYPES.has(row.media_type) ? undefined : '身份证照片只能是 JPG 或 PNG 图片，请重新上传。';
}

/** The whole form checked, or a 422 listing every problem; values trimmed, the ID number normalised. */
export async function readForm(registry: DefinitionRegistry, q: Knex, orgId: string, input: unknown): Promise<RealNameForm> {
  const body = typeof input === 'object' && input !== null && !Array.isArray(input) ? input as Record<string, unknown> : {};
  const raw = (typeof body.data === 'object' && body.data !== null ? body.data : {}) as Record<string, unknown>;
  const form = Object.fromEntries(formFields.map((f) => [f, str(raw[f])])) as unknown as RealNameForm;
  form.idNumber = normalizeIdNumber(form.idNumber);
  const errors = textProblems(registry, { ...form, idNumber: typeof raw.idNumber === 'string' ? raw.idNumber : '' });
  for (const [field, title] of [['frontImageId', '正面'], ['backImageId', '反面']] as const) {
    const problem = await imageProblem(q, orgId, raw[field]);
    if (problem) errors.push({ code: 'file', path: `/${field}`, message: `身份证${title}照片：${problem}` });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  // Marked before the application is written: the orphan sweep keeps them from now on (files/attach.ts).
  for (const field of ['frontImageId', 'backImageId'] as const) await attachFile(q, form[field], orgId);
  return form;
}
