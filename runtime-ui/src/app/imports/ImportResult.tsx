import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Typography } from 'antd';
import type { ImportJob, ImportJobStatus } from '../../api';
import { navigate } from '../router';
import { countsText } from './jobLabels';
import { importJobsPath } from './paths';

const FINISHED: Partial<Record<ImportJobStatus, { status: 'success' | 'warning' | 'error'; title: string }>> = {
  succeeded: { status: 'success', title: '导入成功' },
  partial: { status: 'warning', title: '部分数据导入成功' },
};
const NOTHING_IMPORTED = { status: 'error', title: '导入失败，没有导入任何数据' } as const;

/** How to use the error report (the guide's §5.2.4 (10), without having to delete the column). */
export const REPORT_HELP = '错误报告的第一列“错误原因”写明了每一行的问题。请直接在错误报告中改正这些行并保存，'
  + '然后再次点击“导入”上传该文件即可，无需删除“错误原因”列；其他内容（表头、工作表）请勿改动。';

/** A finished import: the counts, and the error report with how to correct and import it again. */
export function FinishedImport({ job, reportUrl }: { job: ImportJob; reportUrl: string }) {
  const look = FINISHED[job.status] ?? NOTHING_IMPORTED;
  return (
    <Result status={look.status} title={look.title} subTitle={<span data-testid="import-counts">{countsText(job)}</span>}
      extra={job.failed > 0 && job.hasReport && (
        <Button type="primary" icon={<DownloadOutlined />} href={reportUrl} download>下载错误报告</Button>)}>
      {/* When something was imported the server's note repeats the counts; otherwise it says why not. */}
      {job.message && job.imported === 0 && <Alert type="error" showIcon title={job.message} style={{ marginBottom: 12 }} />}
      {job.failed > 0 && <Typography.Paragraph style={{ marginBottom: 0 }}>{REPORT_HELP}</Typography.Paragraph>}
    </Result>
  );
}

/** More than 100 rows: the import runs in the background; its page shows progress and the result. */
export function QueuedImport({ job }: { job: ImportJob }) {
  return (
    <Result status="info" title="数据较多，已转入后台导入"
      subTitle={`文件共 ${job.total} 条数据，导入需要一些时间。可在“人员信息导入管理”中查看进度和结果（含错误报告），导入完成后刷新本页即可看到导入的数据。`}
      extra={<Button type="primary" onClick={() => navigate(importJobsPath())}>前往人员信息导入管理</Button>} />
  );
}
