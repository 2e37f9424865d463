import { Alert, Button, Drawer, Space } from 'antd';
import { useEffect, useId } from 'react';
import { EntityForm, type EntityDefinition, type RecordItem } from '../../lib';
import { useRecordEditor, type EditorTarget, type RecordEditor } from './useRecordEditor';

const titles = { create: '新增', edit: '修改', view: '查看' } as const;
const STALE_TEXT = '这条记录在您修改期间已被其他人修改并保存，您的修改尚未保存，填写的内容仍保留在下方。'
  + '可以点击“载入最新数据”查看最新内容（会替换您当前填写的内容），再重新修改并保存。';

function hasFieldErrors(editor: RecordEditor): boolean {
  return Object.keys(editor.errors.extraErrors as object).length > 0;
}

/** Why the last save failed: someone else saved first, messages for no field, or 'see the red fields'. */
export function ErrorSummary({ editor }: { editor: RecordEditor }) {
  const { stale, messages } = editor.errors;
  if (stale) {
    return (
      <Alert type="warning" showIcon role="alert" style={{ marginBottom: 16 }} title="保存失败：数据已被他人修改"
        description={STALE_TEXT} action={<Button size="small" onClick={() => void editor.reloadLatest()}>载入最新数据</Button>} />
    );
  }
  if (messages.length > 0) {
    return <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title="保存失败"
      description={messages.map((m) => <div key={m}>{m}</div>)} />;
  }
  if (hasFieldErrors(editor)) {
    return <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title="保存失败：请根据标红的提示修改后再保存。" />;
  }
  return null;
}

export interface RecordDrawerProps {
  definition: EntityDefinition;
  target: EditorTarget;
  onClose(): void;
  onSaved(record: RecordItem): void;
}

/** Create, edit or view one record in a drawer; the save button stays visible in the footer. */
export function RecordDrawer({ definition, target, onClose, onSaved }: RecordDrawerProps) {
  const editor = useRecordEditor(definition, target, onSaved);
  const formId = `record-form-${useId().replace(/:/g, '')}`;
  const readonly = target.mode === 'view';

  useEffect(() => {
    if (!hasFieldErrors(editor)) return undefined;
    const frame = requestAnimationFrame(() => document
      .querySelector('[data-testid="record-form-drawer"] .ant-form-item-has-error')?.scrollIntoView({ block: 'center' }));
    return () => cancelAnimationFrame(frame);
  }, [editor.errors.extraErrors]);

  const footer = (
    <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
      <Button onClick={onClose}>{readonly ? '关闭' : '取消'}</Button>
      {!readonly && <Button type="primary" htmlType="submit" form={formId} loading={editor.saving}>保存</Button>}
    </Space>
  );

  return (
    <Drawer open title={`${titles[target.mode]}${definition.title}`} size={760} onClose={onClose} maskClosable={false}
      destroyOnHidden footer={footer} data-testid="record-form-drawer">
      <ErrorSummary editor={editor} />
      <EntityForm id={formId} schema={definition.schema} uiSchema={definition.uiSchema} formData={editor.formData}
        onChange={editor.change} onSubmit={(data) => void editor.save(data)} extraErrors={editor.errors.extraErrors}
        readonly={readonly} submitText={false} />
    </Drawer>
  );
}
