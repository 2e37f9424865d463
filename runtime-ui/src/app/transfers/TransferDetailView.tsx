import { Alert, Descriptions, Divider, List, Tag, Typography } from 'antd';
import type { TransferDetail, TransferSide } from '../../api';
import { beijingTime, useDictionary, useEntityTitles } from '../common';
import { HistoryTimeline } from '../tasks';
import { countsText, transferStatus } from './transferLabels';

/** What an ended transfer did: moved (with what, and what stayed as the releasing institution's history), or why not. */
function Result({ transfer }: { transfer: TransferDetail }) {
  const title = useEntityTitles();
  if (transfer.status === 'approved' && transfer.outcome) {
    return (
      <Alert type="success" showIcon style={{ marginBottom: 16 }} title="已调入" description={
        <>
          <div>随人员调入：{countsText(transfer.outcome.moved, title)}（附件 {transfer.outcome.files} 个）。</div>
          <div>留在调出单位作为历史记录（不能再修改，调入单位须重新填报）：{countsText(transfer.outcome.leftBehind, title)}。</div>
        </>
      } />
    );
  }
  if (!transfer.message) return null;
  const type = transfer.status === 'failed' || transfer.status === 'rejected' ? 'error' : 'info';
  const title2 = transfer.status === 'failed' ? '调动未成功，未作任何调动' : transfer.status === 'rejected' ? '调出单位不同意' : '说明';
  return <Alert type={type} showIcon style={{ marginBottom: 16 }} title={title2} description={transfer.message} />;
}

export interface TransferDetailViewProps {
  transfer: TransferDetail;
  side: TransferSide;
  /** Whether to show the process record (a task drawer shows its own). */
  history?: boolean;
}

/** One transfer: the person, both institutions, department and reason; the result; the person's earlier transfers; the process record. */
export function TransferDetailView({ transfer, side, history = true }: TransferDetailViewProps) {
  const documentTypes = useDictionary('documentType');
  const status = transferStatus(transfer, side);
  return (
    <div data-testid="transfer-detail">
      <Result transfer={transfer} />
      <Descriptions bordered column={1} size="small" styles={{ label: { width: 140 } }} items={[
        { key: 'name', label: '姓名', children: transfer.personName },
        { key: 'id', label: '证件', children: `${documentTypes.label(transfer.documentType)} ${transfer.idNumber}` },
        { key: 'from', label: '调出单位', children: transfer.fromOrgName },
        { key: 'to', label: '调入单位', children: transfer.toOrgName },
        { key: 'department', label: '调入部门', children: transfer.departmentName ?? '（已删除）' },
        { key: 'reason', label: '调入理由', children: transfer.reason },
        { key: 'status', label: '状态', children: <Tag color={status.color}>{status.label}</Tag> },
        { key: 'created', label: '申请时间', children: beijingTime(transfer.createdAt) },
        { key: 'decided', label: '办结时间', children: transfer.decidedAt ? beijingTime(transfer.decidedAt) : '' },
      ]} />
      {transfer.personHistory.length > 0 && (
        <>
          <Divider titlePlacement="start">该人员的其他调动记录</Divider>
          <List size="small" bordered dataSource={transfer.personHistory} renderItem={(t) => (
            <List.Item>{beijingTime(t.decidedAt ?? t.createdAt)}：{t.fromOrgName} → {t.toOrgName}</List.Item>
          )} />
        </>
      )}
      {history && (
        <>
          <Divider titlePlacement="start">流程记录</Divider>
          <Typography.Paragraph type="secondary">时间为北京时间。</Typography.Paragraph>
          <HistoryTimeline events={transfer.events} people={transfer.people} />
        </>
      )}
    </div>
  );
}
