import type { ErrorSchema } from '@rjsf/utils';
import { Form, Input } from 'antd';
import { useState } from 'react';
import type { ChangeProposal, JsonObject } from '../../api';
import { EntityForm } from '../../renderer';
import type { ChangeForm } from './changeForm';

export interface ChangeRequestFormProps {
  form: ChangeForm;
  initial: ChangeProposal;
  /** The `<form>` id, so a button elsewhere submits it (browser checks first, then `onSubmit`). */
  id: string;
  onChange?(proposal: ChangeProposal): void;
  onSubmit?(proposal: ChangeProposal): void;
  /** The server's refusal: per field (shaped like the data) and of the reason. */
  extraErrors?: ErrorSchema;
  reasonError?: string;
  disabled?: boolean;
}

/** The 主体信息 fields with their proposed values, and 修改原因 (required, what the bureau reads). */
export function ChangeRequestForm({ form, initial, id, onChange, onSubmit, extraErrors, reasonError, disabled }: ChangeRequestFormProps) {
  const [data, setData] = useState<JsonObject>(initial.data);
  const [reason, setReason] = useState(initial.reason);
  const change = (next: ChangeProposal) => {
    setData(next.data);
    setReason(next.reason);
    onChange?.(next);
  };
  return (
    <>
      <EntityForm id={id} idPrefix={id} schema={form.schema} uiSchema={form.uiSchema} formData={initial.data} disabled={disabled}
        onChange={(next) => change({ data: next, reason })} onSubmit={(next) => onSubmit?.({ data: next, reason: reason.trim() })}
        extraErrors={extraErrors} submitText={false} />
      <Form layout="vertical" component="div">
        <Form.Item label="修改原因" htmlFor={`${id}-reason`} required validateStatus={reasonError ? 'error' : undefined}
          help={reasonError} extra="请写明修改原因和依据（如换发的证照），便于上级审核。">
          <Input.TextArea id={`${id}-reason`} rows={3} maxLength={500} showCount value={reason} disabled={disabled}
            onChange={(e) => change({ data, reason: e.target.value })} />
        </Form.Item>
      </Form>
    </>
  );
}
