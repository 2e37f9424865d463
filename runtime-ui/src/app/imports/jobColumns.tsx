import { Progress, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ImportJob, ImportJobStatus } from '../../api';
import { beijingTime } from '../common';
import { jobDuration, JOB_STATUS } from './jobLabels';

const PROGRESS_STATUS: Partial<Record<ImportJobStatus, 'active' | 'success' | 'exception'>> = {
  running: 'active', succeeded: 'success', failed: 'exception', interrupted: 'exception',
};

function JobProgress({ job }: { job: ImportJob }) {
  const percent = job.total > 0 ? Math.floor((job.processed / job.total) * 100) : 0;
  return (
    <Progress size="small" style={{ width: 160, margin: 0 }} percent={percent} status={PROGRESS_STATUS[job.status]}
      format={() => `${job.processed}/${job.total}`} aria-label={`已处理 ${job.processed} 条，共 ${job.total} 条`} />
  );
}

export interface JobColumnContext {
  entityTitle(key: string): string;
  reportUrl(id: string): string;
  /** When the list was read (running time of active jobs). */
  readAt: number;
}

/** 功能, 状态, 进度, 总数 / 成功 / 失败, 开始时间 (Beijing), 耗时, 错误报告, 说明. */
export function jobColumns({ entityTitle, reportUrl, readAt }: JobColumnContext): ColumnsType<ImportJob> {
  return [
    { key: 'entity', title: '功能', dataIndex: 'entity', render: (entity: string) => entityTitle(entity) },
    { key: 'status', title: '状态', dataIndex: 'status', render: (status: ImportJobStatus) => {
      const look = JOB_STATUS[status] ?? { text: status, color: 'default' };
      return <Tag color={look.color}>{look.text}</Tag>;
    } },
    { key: 'progress', title: '进度', render: (_: unknown, job: ImportJob) => <JobProgress job={job} /> },
    { key: 'total', title: '总数', dataIndex: 'total', align: 'right' },
    { key: 'imported', title: '成功', dataIndex: 'imported', align: 'right' },
    { key: 'failed', title: '失败', dataIndex: 'failed', align: 'right' },
    { key: 'startedAt', title: '开始时间', width: 170, render: (_: unknown, job: ImportJob) => (job.startedAt
      ? beijingTime(job.startedAt) : <Typography.Text type="secondary">等待开始</Typography.Text>) },
    { key: 'duration', title: '耗时', render: (_: unknown, job: ImportJob) => jobDuration(job, readAt) },
    { key: 'report', title: '错误报告', render: (_: unknown, job: ImportJob) => (job.hasReport
      ? <Typography.Link href={reportUrl(job.id)} download>下载错误报告</Typography.Link> : '') },
    { key: 'message', title: '说明', dataIndex: 'message', render: (message: string | null) => message ?? '' },
  ];
}
