import { DeleteOutlined } from '@ant-design/icons';
import { Button, Collapse, Empty, Image, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { AttachmentBatchItem } from '../../api';
import { useAppServices } from '../AppServices';
import { groupByDepartment, groupLabel, statusLabel, type BatchDeclaration } from './batchView';

export interface DepartmentTablesProps {
  items: readonly AttachmentBatchItem[];
  declaration: BatchDeclaration;
  loading: boolean;
  onRemove(item: AttachmentBatchItem): Promise<void>;
}

/**
 * The persons folded by department (a click on a department's bar folds it, guide §5.2.4): each
 * with 上传状态, the uploaded image as a thumbnail (click to preview) and 删除.
 */
export function DepartmentTables({ items, declaration, loading, onRemove }: DepartmentTablesProps) {
  const { api } = useAppServices();
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const groups = groupByDepartment(items);
  if (groups.length === 0) {
    return <Empty description={loading ? '正在读取…' : '没有符合条件的人员'} data-testid="attachment-batch-empty" />;
  }

  const columns: TableColumnsType<AttachmentBatchItem> = [
    { title: '姓名', dataIndex: 'name', width: 160 },
    { title: '证件号码', dataIndex: 'idNumberMasked', width: 220 },
    { title: '上传状态', dataIndex: 'status', width: 120,
      render: (_v, item) => <Tag color={item.status === 'uploaded' ? 'success' : 'warning'}>{statusLabel(item.status)}</Tag> },
    { title: declaration.fieldTitle, key: 'file', render: (_v, item) => item.fileId && (
      <Space size={12}>
        <Image src={api.files.url(item.fileId)} alt={`${item.name}的${declaration.fieldTitle}`} width={56} height={56}
          style={{ objectFit: 'cover', borderRadius: 4 }} />
        <Popconfirm title={`确定删除「${item.name}」的${declaration.fieldTitle}吗？`} description="删除后可以重新上传。"
          okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => onRemove(item)}>
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除${item.name}的${declaration.fieldTitle}`}>删除</Button>
        </Popconfirm>
      </Space>
    ) },
  ];

  return (
    <Collapse data-testid="attachment-batch-departments"
      activeKey={groups.filter((g) => !folded.has(g.key)).map((g) => g.key)}
      onChange={(open) => setFolded(new Set(groups.map((g) => g.key).filter((key) => !open.includes(key))))}
      items={groups.map((group) => ({
        key: group.key,
        label: groupLabel(group),
        children: <Table<AttachmentBatchItem> rowKey="personId" size="small" pagination={false} loading={loading}
          columns={columns} dataSource={group.items} />,
      }))} />
  );
}
