import { AppError } from '../errors/index.js';

/** The user-facing texts of jobs (Simplified Chinese: what happened and what to do). */
export const jobMessages = {
  /** A handler threw: details go to the log only. */
  failed: '导入过程中系统出错，任务已停止，已成功导入的数据已保存。请稍后勾选“覆盖已存在的数据”重新导入该文件；如仍失败，请联系系统管理员。',
  /** A job left by a restart could not be continued. */
  interrupted: '导入因系统重启而中断，且无法自动继续，已成功导入的数据已保存。请勾选“覆盖已存在的数据”后重新导入该文件。',
  /** A job that was resumed too often (it may stop the engine each time). */
  tooManyAttempts: (attempts: number) =>
    `导入已中断 ${attempts - 1} 次，系统不再自动继续，已成功导入的数据已保存。请勾选“覆盖已存在的数据”后重新导入该文件；如仍中断，请联系系统管理员。`,
  tooManyJobs: (max: number) =>
    `您已有 ${max} 个导入任务正在排队或执行，请等其中一个完成后再导入（可在“人员信息导入管理”中查看进度）。`,
  noReport: '该导入任务没有错误报告：没有导入失败的行，或任务尚未完成。',
  reportGone: '错误报告文件已不存在，请重新导入该文件以生成新的错误报告。',
  noJobAccess: '您没有查看导入任务的权限，请联系本单位总账号分配“人员信息导入管理”权限。',
} as const;

/** 429: the account already has as many queued or running jobs as it may. */
export class TooManyJobsError extends AppError {
  constructor(max: number) { super(429, [{ code: 'TOO_MANY_JOBS', message: jobMessages.tooManyJobs(max) }]); }
}
