import { Alert, Descriptions, Modal, Select } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage, type EntityDefinition, type RecordItem } from '../../lib';
import { useAppServices } from '../AppServices';
import { singleEditAction, type SingleEditField } from './singleEdit';

export interface SingleEditModalProps {
  definition: EntityDefinition;
  record: RecordItem;
  field: SingleEditField;
  onClose(): void;
  onSaved(text: string): void;
}

const label = (field: SingleEditField, code: unknown) =>
  field.options.find((o) => o.value === code)?.label ?? (code === undefined || code === null || code === '' ? '（未填写）' : String(code));

/**
 * 变更在职状态 for one person: the current value, the new one, confirm. Saved as an update of that
 * one record (from the version shown), so nothing else of it changes.
 */
export function SingleEditModal({ definition, record: shown, field, onClose, onSaved }: SingleEditModalProps) {
  const { api } = useAppServices();
  const [record, setRecord] = useState(shown);
  const current = record.data[field.name];
  const [next, setNext] = useState<string>();
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const name = definition.titleField ? String(record.data[definition.titleField] ?? '') : '';

  const save = async () => {
    if (!next) { setProblems([`请选择新的「${field.title}」。`]); return; }
    if (next === current) { setProblems([`新的「${field.title}」与当前相同，无需变更。`]); return; }
    setSaving(true);
    setProblems([]);
    try {
      await api.update(definition.key, record.id, record.version, { ...record.data, [field.name]: next });
      onSaved(`已将「${name}」的${field.title}变更为「${label(field, next)}」`);
    } catch (error) {
      if (error instanceof ApiError && error.hasCode('STALE_VERSION')) {
        // Someone saved this person meanwhile: show what is stored now and let the clerk confirm again.
        await api.get(definition.key, record.id).then(setRecord, () => undefined);
        setProblems([`这位人员的信息刚被其他人修改过，上面已显示最新的${field.title}，请确认后再次点击“确认变更”。`]);
      } else {
        setProblems([errorMessage(error)]);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={`${singleEditAction(field)}：${name}`} okText="确认变更" cancelText="取消" confirmLoading={saving}
      onOk={() => void save()} onCancel={onClose} maskClosable={false} destroyOnHidden>
      {problems.length > 0 && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }}
        title={problems.map((p) => <div key={p}>{p}</div>)} />}
      <Descriptions column={1} size="small" bordered items={[
        { key: 'current', label: `当前${field.title}`, children: label(field, current) },
        { key: 'next', label: `变更为`, children: (
          <Select aria-label={`新的${field.title}`} style={{ width: '100%' }} placeholder="请选择" value={next}
            options={field.options.filter((o) => o.value !== current)} onChange={setNext} showSearch={{ optionFilterProp: 'label' }} />
        ) },
      ]} />
    </Modal>
  );
}
