import { errorMessage } from '@zjrj/runtime-ui';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { DesignerApi } from '../api/DesignerApi';

interface Props {
  api: DesignerApi;
  kind: string;
  definitionKey: string;
  title: string;
  open: boolean;
  onClose(): void;
  onCopied(toKey: string): void;
}

/** Next year's key and title from this one's: probation-2024 → probation-2025, 2024 年度… → 2025 年度…. */
export function nextYearOf(text: string): string {
  return text.replace(/(20\d\d)/g, (year) => String(Number(year) + 1));
}

const KEY_PATTERN = /^[a-z][a-zA-Z0-9]*(-[a-zA-Z0-9]+)*$/;

/** 复制为新定义: a draft of a new definition from the version in force (e.g. next year's rule set). */
export function CopyDialog({ api, kind, definitionKey, title, open, onClose, onCopied }: Props) {
  const [form] = Form.useForm<{ toKey: string; title: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const copy = async ({ toKey, title: newTitle }: { toKey: string; title: string }) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await api.copy(kind, definitionKey, toKey.trim(), newTitle.trim() || undefined);
      onCopied(toKey.trim());
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title="复制为新定义" okText="复制" cancelText="取消" onOk={() => form.submit()} onCancel={onClose}
      confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void copy(v)} preserve={false}
        initialValues={{ toKey: nextYearOf(definitionKey), title: nextYearOf(title) }}>
        <Form.Item label="新标识" name="toKey" extra="以小写字母开头，只含字母、数字和连字符（连字符不能相连或结尾），例如 probation-2025。"
          rules={[{ required: true, message: '请填写新标识' },
            { pattern: KEY_PATTERN, message: '标识须以小写字母开头，只含字母、数字和单个连字符，例如 probation-2025' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="新名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写新名称' }]}>
          <Input />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} />}
    </Modal>
  );
}
