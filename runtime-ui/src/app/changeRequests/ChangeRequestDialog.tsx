import { Alert, Modal } from 'antd';
import { useId, useState } from 'react';
import type { ChangeProposal, ChangeRequest } from '../../api';
import { useAppServices } from '../AppServices';
import { ErrorAlert } from '../common';
import type { ChangeForm } from './changeForm';
import { ChangeRequestForm } from './ChangeRequestForm';
import { proposalErrors, type ProposalErrors } from './proposalErrors';

export interface ChangeRequestDialogProps {
  form: ChangeForm;
  initial: ChangeProposal;
  /** The sent-back request being revised; none: a new request. */
  revising?: ChangeRequest;
  onClose(): void;
  onDone(request: ChangeRequest): void;
}

const REASON_REQUIRED = '请填写修改原因（不超过 500 字），便于上级审核。';

/** 申请修改主体信息 (a new request) or 修改后重新提交 (a sent-back one): the form, sent to the server that judges it. */
export function ChangeRequestDialog({ form, initial, revising, onClose, onDone }: ChangeRequestDialogProps) {
  const { api } = useAppServices();
  const id = `change-request-${useId().replace(/:/g, '')}`;
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ProposalErrors>({ messages: [] });

  const submit = async (proposal: ChangeProposal) => {
    if (!proposal.reason) {
      setErrors({ messages: [], reasonError: REASON_REQUIRED });
      return;
    }
    setBusy(true);
    setErrors({ messages: [] });
    try {
      onDone(revising ? await api.changeRequests.revise(revising.id, proposal) : await api.changeRequests.create(proposal));
    } catch (e) {
      setErrors(proposalErrors(e, form.schema));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={revising ? '修改后重新提交' : '申请修改主体信息'} width={720} onCancel={onClose} destroyOnHidden
      okText={revising ? '重新提交' : '提交申请'} okButtonProps={{ htmlType: 'submit', form: id, loading: busy }} cancelText="取消">
      {revising?.reviewComment && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`退回原因：${revising.reviewComment}`} />}
      <Alert type="info" showIcon style={{ marginBottom: 16 }}
        title="主体信息的修改须经上级卫生健康局审核，审核通过后才会生效；审核期间机构信息保持不变。" />
      <ErrorAlert messages={errors.messages} />
      <ChangeRequestForm form={form} initial={initial} id={id} onSubmit={(p) => void submit(p)} disabled={busy}
        extraErrors={errors.extraErrors} reasonError={errors.reasonError} />
    </Modal>
  );
}
