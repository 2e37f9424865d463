import type { ImportJob, ImportJobStatus } from '../../api';

/** How each job status reads in Chinese, with the antd tag colour. */
export const JOB_STATUS: Readonly<Record<ImportJobStatus, { text: string; color: string }>> = {
  queued: { text: '排队中', color: 'default' },
  running: { text: '导入中', color: 'processing' },
  succeeded: { text: '全部成功', color: 'success' },
  partial: { text: '部分成功', color: 'warning' },
  failed: { text: '导入失败', color: 'error' },
  interrupted: { text: '已中断', color: 'orange' },
};

/** `共 120 条，成功 118 条，失败 2 条`. */
export const countsText = (job: Pick<ImportJob, 'total' | 'imported' | 'failed'>): string =>
  `共 ${job.total} 条，成功 ${job.imported} 条，失败 ${job.failed} 条`;

/** `850 ms` → `不到 1 秒`, `65000` → `1 分 5 秒`, `3725000` → `1 小时 2 分 5 秒`. */
export function durationText(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return '不到 1 秒';
  const parts: Array<[number, string]> = [[Math.floor(seconds / 3600), '小时'], [Math.floor(seconds / 60) % 60, '分'], [seconds % 60, '秒']];
  const first = parts.findIndex(([n]) => n > 0);
  return parts.slice(first).filter(([n], i) => n > 0 || i === 0).map(([n, unit]) => `${n} ${unit}`).join(' ');
}

/** How long the job took, or has been running until `now`; empty before it starts. */
export function jobDuration(job: Pick<ImportJob, 'durationMs' | 'startedAt' | 'finishedAt'>, now: number): string {
  if (typeof job.durationMs === 'number') return durationText(job.durationMs);
  if (!job.startedAt) return '';
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now;
  return durationText(Math.max(0, end - Date.parse(job.startedAt)));
}
