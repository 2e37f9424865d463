import type { DefinitionDetail, DefinitionProblem } from '@zjrj/engine/contract';
import { ApiError, errorMessage } from '@zjrj/runtime-ui';
import { Alert, Input, Modal, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { DesignerApi } from '../api/DesignerApi';
import { kindDiffViews } from '../editors/registry';
import { DiffTable, diffSummary } from './DiffTable';
import { ProblemsList } from './ProblemsList';
import { useLoaded } from './useLoaded';

interface Props {
  api: DesignerApi;
  detail: DefinitionDetail;
  open: boolean;
  onClose(): void;
  onPublished(version: number): void;
}

/** The server's refusal as problems when it lists them (422), else one message. */
function refusal(e: unknown): DefinitionProblem[] {
  if (e instanceof ApiError && e.status === 422) return e.errors.map((item) => ({ path: String(item.path ?? ''), message: item.message }));
  return [{ path: '', message: errorMessage(e) }];
}

/** 发布: what changes against the version in force, a note, then publish (refusals shown with their reasons). */
export function PublishDialog({ api, detail, open, onClose, onPublished }: Props) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<DefinitionProblem[]>();
  const from = detail.inForce?.version;
  const KindView = kindDiffViews[detail.kind];
  const diff = useLoaded(async () => (open && from !== undefined ? api.diff(detail.kind, detail.key, from, 'draft') : undefined),
    [api, open, detail.kind, detail.key, from, detail.draft?.updatedAt]);

  const publish = async () => {
    setBusy(true);
    setRefused(undefined);
    try {
      const { version } = await api.publish(detail.kind, detail.key, note.trim() || undefined);
      setNote('');
      onPublished(version);
    } catch (e) {
      setRefused(refusal(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title="发布草稿" width={900} okText="确认发布" cancelText="取消" onOk={() => void publish()} onCancel={onClose}
      confirmLoading={busy} okButtonProps={{ disabled: !detail.draft }} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        {from === undefined
          ? <Typography.Paragraph>这是一个新定义，发布后成为 v1 并立即生效。</Typography.Paragraph>
          : <Typography.Paragraph>与生效中的 v{from} 相比：{diff.value ? diffSummary(diff.value) : '…'}。发布后立即生效，无需重启；已发布的版本不会再被修改。</Typography.Paragraph>}
        {diff.loading && <Spin />}
        {diff.error && <Alert type="error" showIcon title={diff.error} />}
        {diff.value && <DiffTable diff={diff.value} />}
        {diff.value && KindView && from !== undefined && <KindView api={api} definitionKey={detail.key} from={from} to="draft" diff={diff.value} />}
        <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} placeholder="发布说明（可选），例如：2025 年度日期调整"
          aria-label="发布说明" autoSize={{ minRows: 2 }} maxLength={500} />
        {refused && (
          <div data-testid="publish-refused">
            <Typography.Text type="danger">未发布，原因如下（生效中的版本没有变化）：</Typography.Text>
            <ProblemsList problems={refused} />
          </div>
        )}
      </Space>
    </Modal>
  );
}
