import { Form, Input, Select } from 'antd';
import { useLoaded } from '../../definition/useLoaded';
import type { SectionProps } from './types';
import { writeZj } from './writeElement';
import { readZj } from './zjExtension';

/** 任务表单 of a user task (`zj:form`): the task view, and the entity or document it shows. */
export function FormSection({ element, services, api }: SectionProps) {
  const form = readZj(element.businessObject, 'form');
  const options = useLoaded(async () => {
    const [entities, documents] = await Promise.all([api.list({ kind: 'entity' }), api.list({ kind: 'document' })]);
    const toOption = (item: { key: string; title: string }) => ({ value: item.key, label: `${item.title}（${item.key}）` });
    return { entities: entities.map(toOption), documents: documents.map(toOption) };
  }, [api]);
  const set = (name: 'view' | 'entity' | 'document', value: string | undefined) =>
    services && writeZj(services, element, 'form', { ...form, [name]: value });
  const disabled = !services;
  return (
    <>
      <Form.Item label="任务页面" help="处理此任务时显示的页面（view），如 transferReview">
        <Input aria-label="任务页面" value={form.view ?? ''} disabled={disabled} onChange={(e) => set('view', e.target.value)} />
      </Form.Item>
      <Form.Item label="表单实体" help={options.error}>
        <Select aria-label="表单实体" allowClear showSearch optionFilterProp="label" value={form.entity} disabled={disabled}
          loading={options.loading} options={options.value?.entities} onChange={(value) => set('entity', value)} />
      </Form.Item>
      <Form.Item label="文书">
        <Select aria-label="文书" allowClear showSearch optionFilterProp="label" value={form.document} disabled={disabled}
          loading={options.loading} options={options.value?.documents} onChange={(value) => set('document', value)} />
      </Form.Item>
    </>
  );
}
