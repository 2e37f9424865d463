import { Alert, App, Button, Card, Divider } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage, type ChangeProposal, type ChangeRequest, type EntityDefinition, type RecordItem } from '../../api';
import { useAppServices } from '../AppServices';
import { useLoadable } from '../common';
import { changeFormOf, readOnlyValues } from './changeForm';
import { ChangeRequestDialog } from './ChangeRequestDialog';
import { PendingRequest } from './PendingRequest';
import { RequestHistoryTable } from './RequestHistoryTable';

export interface ChangeRequestPanelProps {
  definition: EntityDefinition;
  record: RecordItem;
  /** The account may change the institution's information (and so request changes of 主体信息). */
  canRequest: boolean;
}

type Dialog = { initial: ChangeProposal; revising?: ChangeRequest };

/**
 * 主体信息修改 on 机构信息维护: 申请修改主体信息 opens the read-only fields with their current
 * values; the pending request is shown with 撤回 (while nobody acted, or when sent back) and
 * 修改后重新提交 (sent back); below, 修改申请记录.
 */
export function ChangeRequestPanel({ definition, record, canRequest }: ChangeRequestPanelProps) {
  const { api } = useAppServices();
  const { message } = App.useApp();
  const list = useLoadable(() => api.changeRequests.mine(), [api]);
  const form = useMemo(() => changeFormOf(definition), [definition]);
  const [dialog, setDialog] = useState<Dialog>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const items = list.status === 'ready' ? list.value.items : [];
  const pending = items.find((r) => r.status === 'pending');

  const start = () => setDialog({ initial: { data: readOnlyValues(form, record.data), reason: '' } });
  const revise = (request: ChangeRequest) => setDialog({ revising: request, initial: {
    data: { ...readOnlyValues(form, record.data), ...Object.fromEntries(request.fields.map((f) => [f.field, f.to])) }, reason: request.reason } });
  const withdraw = async (request: ChangeRequest) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await api.changeRequests.withdraw(request.id);
      message.success('修改申请已撤回');
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
      list.reload();
    }
  };
  const done = (request: ChangeRequest) => {
    setDialog(undefined);
    message.success(dialog?.revising ? '已重新提交，等待上级审核' : `修改申请已提交（${request.fields.map((f) => f.title).join('、')}），等待上级审核`);
    list.reload();
  };

  return (
    <Card title="主体信息修改申请" style={{ marginBottom: 16 }} data-testid="change-request-panel"
      extra={canRequest && !pending && list.status === 'ready' && <Button type="primary" onClick={start}>申请修改主体信息</Button>}>
      {list.status === 'failed' && <Alert type="error" showIcon title={list.message} />}
      {problem && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={problem} />}
      {pending
        ? <PendingRequest request={pending} busy={busy} onRevise={() => revise(pending)} onWithdraw={() => void withdraw(pending)} />
        : <Alert type="info" showIcon title="机构名称、统一社会信用代码等主体信息不能直接修改；如有变更，请点击“申请修改主体信息”，经上级卫生健康局审核通过后生效。" />}
      <Divider titlePlacement="start">修改申请记录</Divider>
      <RequestHistoryTable items={items} loading={list.pending} />
      {dialog && <ChangeRequestDialog form={form} initial={dialog.initial} revising={dialog.revising}
        onClose={() => setDialog(undefined)} onDone={done} />}
    </Card>
  );
}
