import { BadRequestError, ConflictError, NotFoundError, ValidationError, type ErrorItem } from '../errors/index.js';
import type { ReadinessReason } from './readiness.js';

/** The code a write refused because of a submitted candidate answers (423). */
export const CANDIDATE_LOCKED = 'CANDIDATE_LOCKED';

/** What a write touching a candidate under review, or accepted, is told. */
export const lockMessages = {
  reviewing: (name: string, year: number) =>
    `「${name}」已上报 ${year} 年度医师资格考试预报名，正在等待区县卫生健康局审核，审核期间不能修改该人员及其学历、试用期、证书等信息。`
    + '如需修改，请先在「预报名上报」中撤回本批上报，或等待审核退回。',
  accepted: (name: string, year: number) =>
    `「${name}」的 ${year} 年度医师资格考试预报名已被卫生健康局接收，该人员及其学历、试用期、证书等信息已锁定，不能修改。`
    + '如确需修改，请联系区县卫生健康局。',
};

export const preRegistrationErrors = {
  badYear: () => new BadRequestError('考试年度应为 2020 至 2100 之间的四位年份，例如 2024。', 'BAD_REQUEST', '/year'),
  badPersonIds: (max: number) => new BadRequestError(`请求体应为 {"personIds": ["…"]}：请选择 1 至 ${max} 名要上报的人员。`, 'BAD_REQUEST', '/personIds'),
  unknownPersons: () => new NotFoundError('所选人员不存在，或不属于本机构，请刷新考生名单后重新选择。'),
  submissionNotFound: () => new NotFoundError('该预报名上报批次不存在，或您无权查看。'),
  orgNotFound: () => new NotFoundError('所选机构不存在，或不在您的管辖范围内。'),
  notReviewing: () => new ConflictError([{ code: 'NOT_REVIEWING', message: '该批上报已审核完成或已撤回，不能再撤回；请刷新页面查看最新状态。' }]),
  alreadySubmitted: (items: ErrorItem[]) => new ConflictError(items),
  notReady: (items: ErrorItem[]) => new ValidationError(items),
  badReturns: (message: string, path = '/data/returns') => new ValidationError([{ code: 'RETURNS', path, message }]),
  returnReasonRequired: () => new ValidationError([{ code: 'RETURN_REASON', path: '/comment',
    message: '整批退回时请填写退回原因，说明机构需要修改哪些内容。' }]),
};

/** One not-ready person of a refused submission: who, and every reason. */
export const notReadyItem = (index: number, personId: string, name: string, reasons: readonly ReadinessReason[]): ErrorItem => ({
  code: 'CANDIDATE_NOT_READY', path: `/personIds/${index}`, personId,
  message: `「${name}」暂不能上报：${reasons.map((r) => r.message).join('；')}`, reasons,
});

/** One person already under review or accepted for the year. */
export const submittedItem = (index: number, personId: string, name: string, accepted: boolean): ErrorItem => ({
  code: 'CANDIDATE_SUBMITTED', path: `/personIds/${index}`, personId,
  message: accepted ? `「${name}」本年度的预报名已被接收，不能重复上报。` : `「${name}」已在审核中，不能重复上报；如需修改后重新上报，请先撤回原批次。`,
});
