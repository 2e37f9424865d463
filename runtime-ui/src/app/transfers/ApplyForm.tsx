import { Alert, Button, Card, Form, Input, Select, Space } from 'antd';
import { useCallback, useState } from 'react';
import { errorMessage, type ApiErrorItem, type TransferCandidate, type TransferIdentity, type TransferTerms } from '../../api';
import { useAppServices } from '../AppServices';
import { ErrorAlert, fieldErrors, useDictionary, useFormSubmit } from '../common';
import { TERMS_PATHS, TermsFields } from './TermsFields';

type Values = TransferIdentity & TransferTerms;
const PATHS = { '/name': 'name', '/documentType': 'documentType', '/idNumber': 'idNumber', ...TERMS_PATHS } as const;

/**
 * 调入申请: name the person exactly (姓名, 证件类型, 证件号码) and 查找 — the answer names their
 * current institution, which approves; then 调入部门 and 调入理由, and 提交申请.
 */
export function ApplyForm({ onApplied }: { onApplied(): void }) {
  const { api } = useAppServices();
  const [form] = Form.useForm<Values>();
  const documentTypes = useDictionary('documentType');
  const [found, setFound] = useState<TransferCandidate | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const mapErrors = useCallback((errors: readonly ApiErrorItem[]) => fieldErrors(errors, PATHS), []);
  const { general, saving, submit } = useFormSubmit(form, mapErrors);

  const identity = (): TransferIdentity => {
    const { name = '', documentType = '', idNumber = '' } = form.getFieldsValue();
    return { name, documentType, idNumber };
  };
  const lookup = async () => {
    setFound(null);
    setLookupError(null);
    try {
      setFound(await api.transfers.lookup(identity()));
    } catch (e) {
      setLookupError(errorMessage(e));
    }
  };
  const apply = async (values: Values) => {
    if (await submit(() => api.transfers.apply({ ...values, ...identity() }))) {
      form.resetFields();
      setFound(null);
      onApplied();
    }
  };
  return (
    <Card title="调入申请" style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" onFinish={(values) => void apply(values)} initialValues={{ documentType: '01' }}
        onValuesChange={(changed) => { if ('name' in changed || 'documentType' in changed || 'idNumber' in changed) setFound(null); }}>
        <ErrorAlert messages={general} />
        <Space wrap align="end">
          <Form.Item name="name" label="姓名" htmlFor="transfer-name" rules={[{ required: true, whitespace: true, message: '请填写姓名。' }]}>
            <Input id="transfer-name" maxLength={50} />
          </Form.Item>
          <Form.Item name="documentType" label="证件类型" htmlFor="transfer-document-type" rules={[{ required: true, message: '请选择证件类型。' }]}>
            <Select id="transfer-document-type" style={{ width: 200 }} options={documentTypes.items.map((i) => ({ value: i.code, label: i.label }))} />
          </Form.Item>
          <Form.Item name="idNumber" label="证件号码" htmlFor="transfer-id-number" rules={[{ required: true, whitespace: true, message: '请填写证件号码。' }]}>
            <Input id="transfer-id-number" maxLength={50} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item><Button onClick={() => void lookup()}>查找人员</Button></Form.Item>
        </Space>
        {lookupError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={lookupError} />}
        {found && (
          <Alert type="success" showIcon style={{ marginBottom: 16 }} title={`已找到：${found.name}，现登记在「${found.orgName}」`}
            description={`提交后由「${found.orgName}」的总账号审核；同意后该人员及其学历、学位、证书等信息调入本单位，试用期须由本单位重新填报。`} />
        )}
        <TermsFields />
        <Button type="primary" htmlType="submit" loading={saving} disabled={!found}>提交申请</Button>
      </Form>
    </Card>
  );
}
