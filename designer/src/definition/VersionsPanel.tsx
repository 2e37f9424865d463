import type { DefinitionDetail, DefinitionVersionSummary } from '@zjrj/engine/contract';
import { errorMessage } from '@zjrj/runtime-ui';
import { App, Button, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { DesignerApi } from '../api/DesignerApi';
import { RawJsonEditor } from './RawJsonEditor';

const at = (iso: string) => new Date(iso).toLocaleString('zh-CN');

interface Props {
  api: DesignerApi;
  detail: DefinitionDetail;
  editable: boolean;
  onRolledBack(version: number): void;
}

/** 版本历史: who published what when and why; view a version read-only; roll back = publish it again. */
export function VersionsPanel({ api, detail, editable, onRolledBack }: Props) {
  const { message } = App.useApp();
  const [viewing, setViewing] = useState<{ version: number; content: Record<string, unknown> }>();

  const view = async (version: number) => {
    try {
      setViewing({ version, content: await api.version(detail.kind, detail.key, version) });
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  const rollback = async (version: number) => {
    try {
      const published = await api.rollback(detail.kind, detail.key, version, `回滚到 v${version}`);
      void message.success(`已把 v${version} 的内容重新发布为 v${published.version}，立即生效。`);
      onRolledBack(published.version);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const columns: ColumnsType<DefinitionVersionSummary> = [
    { title: '版本', dataIndex: 'version', render: (v: number) => <>v{v} {v === detail.inForce?.version && <Tag color="green">生效中</Tag>}</> },
    { title: '发布时间', dataIndex: 'publishedAt', render: at },
    { title: '发布人', dataIndex: 'publishedBy', render: (by: string | null) => by ?? '—' },
    { title: '来源', dataIndex: 'source', render: (s: string) => (s === 'file' ? '定义文件' : '设计器') },
    { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '' },
    {
      title: '操作', key: 'actions', render: (_, v) => (
        <Space>
          <Button size="small" onClick={() => void view(v.version)}>查看</Button>
          {editable && v.version !== detail.inForce?.version && (
            <Popconfirm title={`回滚到 v${v.version}？`} description="将以该版本的内容发布一个新版本，立即生效；历史版本不会被修改。"
              okText="确认回滚" cancelText="取消" onConfirm={() => rollback(v.version)}>
              <Button size="small">回滚到此版本</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Table<DefinitionVersionSummary> size="small" rowKey="version" columns={columns} dataSource={detail.versions}
        pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="versions" />
      <Modal open={viewing !== undefined} title={`v${viewing?.version ?? ''}（只读）`} width={900} footer={null}
        onCancel={() => setViewing(undefined)}>
        {viewing && <RawJsonEditor content={viewing.content} onChange={() => undefined} readOnly />}
      </Modal>
    </>
  );
}
