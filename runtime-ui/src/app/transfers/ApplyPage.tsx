import { App, Button, Card, Form, Modal, Popconfirm } from 'antd';
import { useCallback, useState } from 'react';
import { errorMessage, type ApiErrorItem, type Transfer, type TransferTerms } from '../../api';
import { useAppServices } from '../AppServices';
import { ErrorAlert, fieldErrors, useFormSubmit } from '../common';
import type { PageProps } from '../navigation';
import { ApplyForm } from './ApplyForm';
import { TERMS_PATHS, TermsFields } from './TermsFields';
import { TransferTable } from './TransferTable';

/** 修改后重新提交: a sent-back application's department and reason, back to the releasing institution. */
function ReviseModal({ transfer, onClose }: { transfer: Transfer | null; onClose(done: boolean): void }) {
  const { api } = useAppServices();
  const [form] = Form.useForm<TransferTerms>();
  const mapErrors = useCallback((errors: readonly ApiErrorItem[]) => fieldErrors(errors, TERMS_PATHS), []);
  const { general, saving, submit } = useFormSubmit(form, mapErrors);
  const save = async (values: TransferTerms) => {
    if (transfer && await submit(() => api.transfers.resubmit(transfer.id, values))) onClose(true);
  };
  return (
    <Modal open={transfer !== null} title={`修改调入申请：${transfer?.personName ?? ''}`} okText="重新提交" confirmLoading={saving}
      onOk={() => form.submit()} onCancel={() => onClose(false)} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} onFinish={(values) => void save(values)}
        initialValues={transfer ? { departmentId: transfer.departmentId, reason: transfer.reason } : {}}>
        <ErrorAlert messages={general} />
        <TermsFields />
      </Form>
    </Modal>
  );
}

/** 调入申请: apply for a person of another institution, and the institution's applications with 撤回 and 修改后重新提交. */
export function TransferApplyPage(_: PageProps) {
  const { api } = useAppServices();
  const { message } = App.useApp();
  const [refreshKey, setRefreshKey] = useState(0);
  const [revising, setRevising] = useState<Transfer | null>(null);
  const refresh = () => setRefreshKey((k) => k + 1);
  const withdraw = async (transfer: Transfer) => {
    try {
      await api.transfers.withdraw(transfer.id);
      void message.success('已撤回该调入申请。');
      refresh();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  const actions = (t: Transfer) => (t.status === 'pending' && t.mine ? (
    <>
      {t.stage === 'revise' && <Button size="small" type="primary" onClick={() => setRevising(t)}>修改后重新提交</Button>}
      <Popconfirm title="确定撤回该调入申请吗？" okText="撤回" cancelText="取消" onConfirm={() => withdraw(t)}>
        <Button size="small" danger>撤回</Button>
      </Popconfirm>
    </>
  ) : null);
  return (
    <>
      <ApplyForm onApplied={refresh} />
      <Card title="本单位的调入申请">
        <TransferTable side="in" actions={actions} refreshKey={refreshKey} />
      </Card>
      <ReviseModal transfer={revising} onClose={(done) => { setRevising(null); if (done) refresh(); }} />
    </>
  );
}
