import { Table, Typography } from 'antd';
import type { ChangeRequestField } from '../../api';

/** 修改前 → 修改后 of each field the request changes; the new value is highlighted. */
export function FieldChanges({ fields }: { fields: readonly ChangeRequestField[] }) {
  return (
    <Table<ChangeRequestField> data-testid="field-changes" rowKey="field" size="small" pagination={false} bordered
      dataSource={[...fields]} columns={[
        { title: '项目', dataIndex: 'title', key: 'title', width: 160 },
        { title: '修改前', dataIndex: 'fromText', key: 'from', render: (text: string) => text || <Typography.Text type="secondary">（空）</Typography.Text> },
        { title: '修改后', dataIndex: 'toText', key: 'to',
          render: (text: string) => <Typography.Text mark strong data-testid="changed-value">{text || '（空）'}</Typography.Text> },
      ]} />
  );
}
