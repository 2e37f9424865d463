import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { personDefinition, VALID_ID_NUMBER } from '../testing/fixtures';
import { EntityForm } from './EntityForm';
import type { RefSource } from './refs';

/** Stands in for the server's department records. */
const departments: RefSource = {
  search: async () => [{ value: 'd1', label: '内科' }, { value: 'd2', label: '外科' }],
  labels: async (_entity, ids) => new Map(ids.filter((id) => id === 'd1').map((id) => [id, '内科'])),
};

function renderForm(props: Partial<Parameters<typeof EntityForm>[0]> = {}) {
  const onSubmit = vi.fn();
  const view = render(<EntityForm schema={personDefinition.schema} uiSchema={personDefinition.uiSchema}
    services={{ refs: departments }} onSubmit={onSubmit} {...props} />);
  return { onSubmit, form: view.container.querySelector('form')! };
}

describe('EntityForm', () => {
  it('given an entity schema, then every field is a labelled input and only real defaults are filled', async () => {
    renderForm();
    expect(screen.getByLabelText('姓名')).toBeTruthy();
    expect(screen.getByLabelText('证件号码')).toBeTruthy();
    expect(screen.getByLabelText('出生日期')).toBeTruthy();
    expect(screen.getByRole('button', { name: '保存' })).toBeTruthy();
    expect(screen.getByText('居民身份证')).toBeTruthy(); // documentType's declared default
    expect(screen.queryByText('男')).toBeNull(); // a required choice does not default to its first option
    expect(screen.queryByText('人员基本信息')).toBeNull(); // the root title is the drawer's job
  });

  it('given an empty form, when saved, then Chinese messages appear under the fields and nothing is submitted', async () => {
    const { onSubmit, form } = renderForm();
    fireEvent.submit(form);
    expect(await screen.findByText('请填写「姓名」。')).toBeTruthy();
    expect(screen.getByText('请填写「所在部门」。')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('given a server error on a field with help text, then both the error and the help are shown', () => {
    renderForm({ extraErrors: { idNumber: { __errors: ['居民身份证号码应为18位，当前为3位'] } } as never });
    expect(screen.getByText('居民身份证号码应为18位，当前为3位')).toBeTruthy();
    expect(screen.getByText('居民身份证录入后，性别和出生日期会自动填写')).toBeTruthy();
  });

  it('given a valid ID number typed, then sex and birth date are filled in', async () => {
    const onChange = vi.fn();
    renderForm({ onChange });
    fireEvent.change(screen.getByLabelText('证件号码'), { target: { value: VALID_ID_NUMBER } });
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ idNumber: VALID_ID_NUMBER, sex: '2', birthDate: '1949-12-31' })));
    expect((screen.getByLabelText('出生日期') as HTMLInputElement).value).toBe('1949-12-31');
    expect(screen.getByText('女')).toBeTruthy();
  });

  it('given a bad ID number with sex and birth date empty, when saved, then the data goes to the server to judge', async () => {
    const data = { name: '张三', documentType: '01', idNumber: '123', departmentId: 'd1', nationality: undefined };
    const { onSubmit, form } = renderForm({ formData: data });
    expect(await screen.findByText('内科')).toBeTruthy(); // the reference shows its record's name
    fireEvent.submit(form);
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ idNumber: '123', departmentId: 'd1' })));
  });
});
