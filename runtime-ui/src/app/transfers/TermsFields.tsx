import { Form, Input, Select } from 'antd';
import { useAppServices } from '../AppServices';
import { useLoadable } from '../common';

/** The institution's own departments, by name, for 调入部门. */
export function useDepartmentOptions(): Array<{ value: string; label: string }> {
  const { api } = useAppServices();
  const departments = useLoadable(() => api.list<{ name: string }>('department', { pageSize: 100 }), [api]);
  return departments.status === 'ready' ? departments.value.items.map((d) => ({ value: d.id, label: d.data.name })) : [];
}

/** 调入部门 and 调入理由 of an application (antd form items named `departmentId` and `reason`). */
export function TermsFields() {
  const departments = useDepartmentOptions();
  return (
    <>
      <Form.Item name="departmentId" label="调入部门" htmlFor="transfer-department" rules={[{ required: true, message: '请选择调入后所在的本单位部门。' }]}>
        <Select id="transfer-department" showSearch optionFilterProp="label" placeholder="请选择本单位部门" options={departments} />
      </Form.Item>
      <Form.Item name="reason" label="调入理由" htmlFor="transfer-reason" rules={[{ required: true, whitespace: true, message: '请填写调入理由，便于调出单位审核。' }]}>
        <Input.TextArea id="transfer-reason" rows={3} maxLength={500} showCount />
      </Form.Item>
    </>
  );
}

/** The server's problems of an application, by form field. */
export const TERMS_PATHS = { '/departmentId': 'departmentId', '/reason': 'reason' } as const;
