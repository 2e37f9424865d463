import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { useCallback } from 'react';
import type { ApiErrorItem, RealNameApplication, RealNameData } from '../../api';
import { useAppServices } from '../AppServices';
import { ErrorAlert, fieldErrors, useDictionary, useFormSubmit } from '../common';
import { FileIdUpload } from './FileIdUpload';

type Field = keyof RealNameData | 'scanFileId';
type Values = RealNameData & { scanFileId?: string };

const PATHS: Record<string, Field> = {
  '/name': 'name', '/documentType': 'documentType', '/idNumber': 'idNumber', '/mobile': 'mobile',
  '/frontImageId': 'frontImageId', '/backImageId': 'backImageId', '/scanFileId': 'scanFileId',
};
const mapErrors = (errors: readonly ApiErrorItem[]) => fieldErrors(errors, PATHS);
const dataOf = (v: Values): RealNameData => ({ name: v.name ?? '', documentType: v.documentType ?? '', idNumber: v.idNumber ?? '',
  mobile: v.mobile ?? '', frontImageId: v.frontImageId ?? '', backImageId: v.backImageId ?? '' });
const IMAGES = '.jpg,.jpeg,.png';

export interface RealNameFormProps {
  application: RealNameApplication | null;
  editable: boolean;
  /** Called with the answer of a save or submission. */
  onChanged(application: RealNameApplication, submitted: boolean): void;
}

/**
 * 实名认证信息: the form, 保存, 下载申请表 (the saved data as a PDF), the stamped scan and 提交审核
 * (which saves first). The server's refusals land under their fields; the input stays.
 */
export function RealNameForm({ application, editable, onChanged }: RealNameFormProps) {
  const { api } = useAppServices();
  const [form] = Form.useForm<Values>();
  const documentTypes = useDictionary('documentType');
  const { general, saving, submit } = useFormSubmit(form, mapErrors);
  const save = useCallback(() => submit(async () => {
    onChanged(await api.realName.save(dataOf(form.getFieldsValue(true) as Values)), false);
  }), [api, form, onChanged, submit]);
  const send = useCallback(() => submit(async () => {
    const values = form.getFieldsValue(true) as Values;
    await api.realName.save(dataOf(values));
    onChanged(await api.realName.submit(values.scanFileId ?? ''), true);
  }), [api, form, onChanged, submit]);

  return (
    <Form form={form} layout="vertical" disabled={!editable} initialValues={application?.data ?? {}} requiredMark>
      <ErrorAlert messages={general} />
      <Form.Item name="name" label="姓名" htmlFor="realName-name" required>
        <Input id="realName-name" maxLength={50} autoComplete="name" />
      </Form.Item>
      <Form.Item name="documentType" label="证件类型" htmlFor="realName-documentType" required>
        <Select id="realName-documentType" placeholder="请选择证件类型" showSearch optionFilterProp="label"
          options={documentTypes.items.map((i) => ({ value: i.code, label: i.label }))} />
      </Form.Item>
      <Form.Item name="idNumber" label="证件号码" htmlFor="realName-idNumber" required>
        <Input id="realName-idNumber" maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item name="mobile" label="手机号码" htmlFor="realName-mobile" required>
        <Input id="realName-mobile" maxLength={11} autoComplete="tel" />
      </Form.Item>
      <Form.Item name="frontImageId" label="身份证正面照片" required extra="JPG 或 PNG 图片，不超过 10 MB。">
        <FileIdUpload accept={IMAGES} buttonText="上传正面照片" testId="upload-frontImageId" disabled={!editable} />
      </Form.Item>
      <Form.Item name="backImageId" label="身份证反面照片" required extra="JPG 或 PNG 图片，不超过 10 MB。">
        <FileIdUpload accept={IMAGES} buttonText="上传反面照片" testId="upload-backImageId" disabled={!editable} />
      </Form.Item>
      {editable && (
        <>
          <Space wrap style={{ marginBottom: 16 }}>
            <Button type="primary" onClick={() => void save()} loading={saving}>保存</Button>
            <Button href={api.realName.pdfUrl()} download disabled={!application}>下载申请表</Button>
          </Space>
          <Typography.Paragraph type="secondary">
            下载的申请表按已保存的信息生成；修改信息后请先保存再下载。申请表打印并加盖单位公章后，扫描或拍照上传。
          </Typography.Paragraph>
          <Form.Item name="scanFileId" label="盖章后的申请表扫描件" required extra="JPG、PNG 或 PDF，不超过 10 MB。">
            <FileIdUpload accept={`${IMAGES},.pdf`} buttonText="上传扫描件" testId="upload-scanFileId" />
          </Form.Item>
          <Button type="primary" onClick={() => void send()} loading={saving}>提交审核</Button>
        </>
      )}
    </Form>
  );
}
