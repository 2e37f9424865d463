import { Alert, Button, Collapse, Descriptions, Popconfirm, Space, Tag } from 'antd';
import type { ChangeRequest } from '../../api';
import { beijingTime } from '../common';
import { TaskHistory } from '../tasks';
import { statusOf } from './changeRequestStatus';
import { FieldChanges } from './FieldChanges';

export interface PendingRequestProps {
  request: ChangeRequest;
  busy: boolean;
  onRevise(): void;
  onWithdraw(): void;
}

/** The request under review (or sent back): status, before → after, reason, the bureau's words, 撤回 / 修改后重新提交, 流程记录. */
export function PendingRequest({ request, busy, onRevise, onWithdraw }: PendingRequestProps) {
  const status = statusOf(request);
  return (
    <div data-testid="pending-change-request">
      {request.sentBack
        ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="上级卫生健康局退回了您的修改申请，请按退回原因修改后重新提交，或撤回申请。"
          description={request.reviewComment ? `退回原因：${request.reviewComment}` : undefined} />
        : <Alert type="info" showIcon style={{ marginBottom: 12 }} title="修改申请正在等待上级卫生健康局审核，审核通过后机构信息才会修改。" />}
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }} items={[
        { key: 'status', label: '状态', children: <Tag color={status.color}>{status.label}</Tag> },
        { key: 'at', label: '提交时间', children: beijingTime(request.createdAt) },
        { key: 'reason', label: '修改原因', span: 2, children: request.reason },
      ]} />
      <FieldChanges fields={request.fields} />
      <Space style={{ marginTop: 12 }}>
        {request.sentBack && <Button type="primary" onClick={onRevise} disabled={busy}>修改后重新提交</Button>}
        {request.withdrawable && (
          <Popconfirm title="确定撤回这份修改申请吗？撤回后机构信息不变，可以重新申请。" okText="撤回" cancelText="取消" onConfirm={onWithdraw}>
            <Button danger loading={busy}>撤回</Button>
          </Popconfirm>
        )}
      </Space>
      <Collapse ghost style={{ marginTop: 8 }} destroyOnHidden
        items={[{ key: 'history', label: '流程图和流程记录', children: <TaskHistory instanceId={request.instanceId!} /> }]} />
    </div>
  );
}
