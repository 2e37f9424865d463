import { Form, Input, Modal, Select } from 'antd';
import { fieldTypes } from './fieldTypes';

export interface NewField { id: string; title: string; type: string }

interface AddFieldDialogProps {
  open: boolean;
  /** Why an id cannot be used (Chinese), or undefined. */
  idProblem(id: string): string | undefined;
  onAdd(field: NewField): void;
  onCancel(): void;
}

const typeOptions = fieldTypes.filter((t) => t.selectable).map((t) => ({ value: t.key, label: t.label }));

/** A new field: its title, its stable id (fixed once added: records store values under it) and its type. */
export function AddFieldDialog({ open, idProblem, onAdd, onCancel }: AddFieldDialogProps) {
  const [form] = Form.useForm<NewField>();
  return (
    <Modal title="添加字段" open={open} okText="添加" cancelText="取消" destroyOnHidden onCancel={onCancel}
      onOk={() => void form.validateFields().then((field) => { onAdd(field); form.resetFields(); }, () => undefined)}>
      <Form form={form} layout="vertical" initialValues={{ type: 'text' }} preserve={false}>
        <Form.Item name="title" label="字段名称" rules={[{ required: true, whitespace: true, message: '请填写字段名称，如“微信号”。' },
          { max: 50, message: '字段名称最多 50 个字。' }]}>
          <Input placeholder="用户看到的名称，如 微信号" />
        </Form.Item>
        <Form.Item name="id" label="字段标识" extra="记录按标识保存数据，添加后不能修改；以后修改字段名称不影响已有数据。"
          rules={[{ required: true, message: '请填写字段标识，如 wechatId。' },
            { validator: async (_, value: string) => { const problem = value ? idProblem(value) : undefined; if (problem) throw new Error(problem); } }]}>
          <Input placeholder="英文，如 wechatId" />
        </Form.Item>
        <Form.Item name="type" label="类型" rules={[{ required: true }]}>
          <Select options={typeOptions} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
