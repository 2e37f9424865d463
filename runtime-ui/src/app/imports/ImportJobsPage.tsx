import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ImportJob } from '../../api';
import { useAppServices } from '../AppServices';
import { useEntityTitles } from '../common';
import type { Scheduler } from '../location';
import type { PageProps } from '../navigation';
import { jobColumns } from './jobColumns';
import { useImportJobs } from './useImportJobs';

/**
 * 人员信息导入管理: the user's imports, newest first, with status, progress, counts,
 * start time (Beijing), duration and the error report; refreshes by itself while one runs.
 */
export function ImportJobsPage({ scheduler }: PageProps & { scheduler?: Scheduler }) {
  const { api } = useAppServices();
  const entityTitle = useEntityTitles();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const jobs = useImportJobs(api.imports, paging, scheduler);
  const columns = jobColumns({ entityTitle, reportUrl: (id) => api.imports.errorReportUrl(id), readAt: jobs.readAt });
  return (
    <Card title="人员信息导入管理" extra={<Button icon={<ReloadOutlined />} onClick={jobs.reload}>刷新</Button>}>
      {jobs.live && <Typography.Paragraph type="secondary">有导入正在进行，本页每 2 秒自动刷新。</Typography.Paragraph>}
      {jobs.error && <Alert type="error" showIcon title={jobs.error} style={{ marginBottom: 16 }} />}
      <Table<ImportJob> data-testid="import-jobs-table" rowKey="id" size="small" columns={columns}
        dataSource={jobs.page.items} loading={jobs.loading} scroll={{ x: 'max-content' }}
        locale={{ emptyText: '还没有导入记录。在各功能页面点击“导入”上传填写好的模板后，导入情况会显示在这里。' }}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: jobs.page.total, showSizeChanger: true,
          pageSizeOptions: [20, 50, 100], showTotal: (total) => `共 ${total} 条`,
          onChange: (p, size) => setPaging({ page: size === paging.pageSize ? p : 1, pageSize: size }) }} />
    </Card>
  );
}
