import { UploadOutlined } from '@ant-design/icons';
import { Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api';
import { useAppServices } from '../AppServices';

export interface FileIdUploadProps {
  /** The uploaded file's id (an antd form control's value). */
  value?: string;
  onChange?: (id: string) => void;
  accept: string;
  buttonText: string;
  disabled?: boolean;
  testId: string;
}

/** One file sent to `POST /api/real-name/files` at once; the form keeps its id. The server judges the content. */
export function FileIdUpload({ value, onChange, accept, buttonText, disabled, testId }: FileIdUploadProps) {
  const { api } = useAppServices();
  const [name, setName] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const send = async (file: File) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const stored = await api.realName.upload(file, file.name);
      setName(file.name);
      onChange?.(stored.id);
    } catch (e) {
      setProblem(`上传失败：${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid={testId}>
      <Space wrap>
        <Upload accept={accept} showUploadList={false} disabled={disabled || busy}
          beforeUpload={(file) => { void send(file); return false; }}>
          <Button icon={<UploadOutlined />} loading={busy} disabled={disabled}>{value ? `重新${buttonText}` : buttonText}</Button>
        </Upload>
        {value && <Typography.Text type="success">已上传{name ? `：${name}` : ''}</Typography.Text>}
      </Space>
      {problem && <Typography.Paragraph type="danger" role="alert" style={{ margin: '4px 0 0' }}>{problem}</Typography.Paragraph>}
    </div>
  );
}
