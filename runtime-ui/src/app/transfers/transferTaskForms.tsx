import { Alert, Form, Spin } from 'antd';
import { useEffect } from 'react';
import type { TransferTerms } from '../../api';
import { useAppServices } from '../AppServices';
import { useLoadable } from '../common';
import { registerTaskForm, type TaskFormProps } from '../tasks';
import { TermsFields } from './TermsFields';
import { TransferDetailView } from './TransferDetailView';

/** The transfer a task is about (its business key), read afresh. */
function useTransferOf(task: TaskFormProps['task']) {
  const { api } = useAppServices();
  return useLoadable(() => api.transfers.get(task.businessKey ?? ''), [api, task.businessKey]);
}

/** 调出单位审核: who, from and to where, and what approval does — the releasing main account decides. */
function ReviewBody({ task }: TaskFormProps) {
  const transfer = useTransferOf(task);
  if (transfer.status === 'loading') return <Spin />;
  if (transfer.status === 'failed') return <Alert type="error" showIcon title={transfer.message} />;
  return (
    <>
      {transfer.value.status === 'pending' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="同意后，该人员及其学历、学位、证书等信息将调往对方单位"
          description="试用期信息留在本单位作为历史记录，不能再修改；对方单位须为其重新填报试用期。" />
      )}
      <TransferDetailView transfer={transfer.value} side="out" history={false} />
    </>
  );
}

/** 申请单位修改后重新提交: the applicant changes department and reason, sent with 重新提交 (or withdraws). */
function ReviseBody({ task, editable, onData }: TaskFormProps) {
  const transfer = useTransferOf(task);
  const [form] = Form.useForm<TransferTerms>();
  const ready = transfer.status === 'ready' ? transfer.value : undefined;
  useEffect(() => {
    if (ready) onData({ departmentId: ready.departmentId, reason: ready.reason });
  }, [ready, onData]);
  if (transfer.status === 'loading') return <Spin />;
  if (transfer.status === 'failed') return <Alert type="error" showIcon title={transfer.message} />;
  return (
    <>
      <TransferDetailView transfer={transfer.value} side="in" history={false} />
      {editable && (
        <Form form={form} layout="vertical" style={{ marginTop: 16 }} disabled={!editable}
          initialValues={{ departmentId: transfer.value.departmentId, reason: transfer.value.reason }}
          onValuesChange={(_changed, values) => onData({ departmentId: values.departmentId, reason: values.reason?.trim() })}>
          <TermsFields />
        </Form>
      )}
    </>
  );
}

/** The task views of the `personTransfer` process (definitions/processes/personTransfer.json). */
export function registerTransferTaskForms(): void {
  registerTaskForm('transferReview', { Body: ReviewBody });
  registerTaskForm('transferRevise', {
    Body: ReviseBody,
    check: (outcome, data) => (outcome === 'resubmit' && (!data?.departmentId || !data?.reason)
      ? '请选择调入部门并填写调入理由后再重新提交。' : undefined),
  });
}
