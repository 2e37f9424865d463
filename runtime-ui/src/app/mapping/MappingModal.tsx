import { Alert, Button, Modal, Space } from 'antd';
import { useId, useMemo, useState } from 'react';
import { errorMessage, type EntityDefinition, type JsonObject, type RecordItem } from '../../api';
import { EntityForm } from '../../renderer';
import { useAppServices } from '../AppServices';
import { mappedData, mappingForm } from './mappingForm';

export interface MappingModalProps {
  definition: EntityDefinition;
  field: string;
  record: RecordItem;
  onClose(): void;
  onSaved(): void;
}

/** 映射: pick the standard item (e.g. 标准岗位) for one record and save just that. */
export function MappingModal({ definition, field, record, onClose, onSaved }: MappingModalProps) {
  const { api } = useAppServices();
  const form = useMemo(() => mappingForm(definition, field), [definition, field]);
  const formData = useMemo(() => ({ [field]: record.data[field] }), [record, field]);
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const formId = `mapping-form-${useId().replace(/:/g, '')}`;
  const name = definition.titleField ? String(record.data[definition.titleField] ?? '') : '';

  const save = async (data: JsonObject) => {
    setSaving(true);
    setProblem(undefined);
    try {
      await api.update(definition.key, record.id, record.version, mappedData(record, field, data[field]));
      onSaved();
    } catch (e) {
      setProblem(errorMessage(e));
      setSaving(false);
    }
  };

  const footer = (
    <Space>
      <Button onClick={onClose}>取消</Button>
      <Button type="primary" htmlType="submit" form={formId} loading={saving}>保存映射</Button>
    </Space>
  );
  return (
    <Modal open title={`映射${name ? `「${name}」` : ''}`} onCancel={onClose} footer={footer} maskClosable={false} destroyOnHidden>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />}
      <EntityForm id={formId} schema={form.schema} uiSchema={form.uiSchema} formData={formData}
        onSubmit={(data) => void save(data)} submitText={false} />
    </Modal>
  );
}
