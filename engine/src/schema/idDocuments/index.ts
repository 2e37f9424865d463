/**
 * ID-document number validation — the only public surface of this module.
 * Reference: /work/shared/reference/dictionaries.md §6, §7, §12.
 *
 * Rules: an ID number is always a string (never a JS number); messages are Chinese and never
 * contain the number itself (they end up in logs and error bodies).
 */
import { freeText, passport } from './otherDocuments.js';
import { foreignPermanentResidence } from './foreignResidence.js';
import { normalizeIdNumber } from './normalize.js';
import { hkMacauPermit, taiwanPermit } from './permits.js';
import { hkMacauTaiwanResidence, residentId } from './residence.js';
import { fail, type IdCheckContext, type IdCheckResult, type IdValidator, type IdValidatorKey } from './types.js';

export type {
  IdCheckContext,
  IdCheckError,
  IdCheckOk,
  IdCheckResult,
  IdErrorCode,
  IdSex,
  IdValidator,
  IdValidatorKey,
} from './types.js';
export { normalizeIdNumber } from './normalize.js';
export { gb11643CheckChar, isValidUscc, usccCheckChar } from './checksums.js';

/** Registry of validators, keyed by the validator key carried by each document-type item. */
export const idValidators: Readonly<Record<IdValidatorKey, IdValidator>> = Object.freeze({
  residentId,
  hkMacauPermit,
  taiwanPermit,
  hkMacauTaiwanResidence,
  foreignPermanentResidence,
  passport,
  freeText,
});

export function isIdValidatorKey(key: string): key is IdValidatorKey {
  return Object.hasOwn(idValidators, key);
}

/**
 * Normalises `raw` (see normalizeIdNumber) and runs the validator named `validatorKey`.
 * Never throws for user input; throws RangeError only for a malformed `context.today`.
 */
export function validateIdNumber(
  validatorKey: string,
  raw: string,
  context: IdCheckContext = {},
): IdCheckResult {
  if (typeof raw !== 'string') {
    // Guards JS callers / spreadsheet imports that hand over a number (precision is already lost).
    return fail('notString', '证件号码必须按文本录入，不能作为数字处理，请检查导入文件中该列的格式');
  }
  if (!isIdValidatorKey(validatorKey)) {
    return fail('unknownValidator', '系统未配置该证件类型的校验规则，请联系系统管理员');
  }
  const normalized = normalizeIdNumber(raw);
  if (normalized === '') return fail('empty', '请填写证件号码');
  return idValidators[validatorKey](normalized, context);
}
