import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { JsonObject, SchemaNode } from '../../api';
import { EntityForm } from '../EntityForm';
import { compileFormVisibility, hiddenFor, withoutHidden } from './visibility';

/** Like the engine's department: 科室标准名称 only for category 1, and then required. */
const schema: SchemaNode = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', title: '部门名称' },
    category: { type: 'string', title: '类别' },
    standardName: { type: 'string', title: '科室标准名称' },
  },
  if: { required: ['category'], properties: { category: { const: '1' } } },
  then: { required: ['standardName'] },
};
const uiSchema = { standardName: { 'ui:visibleWhen': 'category = "1"' } };

function renderForm(formData?: JsonObject, extra: { required?: boolean } = {}) {
  const onChange = vi.fn();
  const onSubmit = vi.fn();
  const shown = extra.required ? { ...schema, required: ['name', 'standardName'] } : schema;
  const view = render(<EntityForm schema={shown} uiSchema={uiSchema} formData={formData} onChange={onChange} onSubmit={onSubmit} />);
  return { onChange, onSubmit, form: view.container.querySelector('form')! };
}

describe('ui:visibleWhen in EntityForm', () => {
  it('given the condition false, then the field is not rendered; when it becomes true, the field appears', async () => {
    renderForm({ name: '财务科' });
    expect(screen.queryByLabelText('科室标准名称')).toBeNull();
    fireEvent.change(screen.getByLabelText('类别'), { target: { value: '1' } });
    expect(await screen.findByLabelText('科室标准名称')).toBeTruthy();
  });

  it('given a value typed in a shown field, when the field becomes hidden, then its value leaves the form data', async () => {
    const { onChange, onSubmit, form } = renderForm({ name: '眼科', category: '1' });
    fireEvent.change(screen.getByLabelText('科室标准名称'), { target: { value: 'A10' } });
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith({ name: '眼科', category: '1', standardName: 'A10' }));
    fireEvent.change(screen.getByLabelText('类别'), { target: { value: '2' } });
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith({ name: '眼科', category: '2' }));
    expect(screen.queryByLabelText('科室标准名称')).toBeNull();
    fireEvent.submit(form);
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ name: '眼科', category: '2' }));
  });

  it('given a stored record with a value in a hidden field, then the form submits without it', async () => {
    const { onSubmit, form } = renderForm({ name: '财务科', category: '2', standardName: 'A10' });
    fireEvent.submit(form);
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ name: '财务科', category: '2' }));
  });

  it('given a read-only form (a detail view), then the stored record is shown as it is', () => {
    render(<EntityForm schema={schema} uiSchema={uiSchema} formData={{ name: '财务科', category: '2', standardName: 'A10' }} readonly submitText={false} />);
    expect((screen.getByLabelText('科室标准名称') as HTMLInputElement).value).toBe('A10');
  });

  it('given a required field that is hidden, then it does not block saving; shown and empty, it does', async () => {
    const hiddenRequired = renderForm({ name: '财务科', category: '2' }, { required: true });
    fireEvent.submit(hiddenRequired.form);
    await waitFor(() => expect(hiddenRequired.onSubmit).toHaveBeenCalledWith({ name: '财务科', category: '2' }));
    fireEvent.change(screen.getByLabelText('类别'), { target: { value: '1' } });
    await screen.findByLabelText('科室标准名称');
    fireEvent.submit(hiddenRequired.form);
    expect(await screen.findByText('请填写「科室标准名称」。')).toBeTruthy();
    expect(hiddenRequired.onSubmit).toHaveBeenCalledTimes(1);
  });
});

describe('compileFormVisibility', () => {
  it('hides by the engine\'s FEEL evaluation, cascading through hidden fields, and leaves data alone when nothing is hidden', () => {
    const cascading = { ...uiSchema, name: { 'ui:visibleWhen': 'standardName != null' } };
    const visibility = compileFormVisibility(schema, cascading);
    expect(hiddenFor(visibility, { category: '2', standardName: 'A10', name: 'x' }).sort()).toEqual(['name', 'standardName']);
    const data = { category: '1', standardName: 'A10' };
    expect(withoutHidden(visibility, data)).toBe(data);
  });

  it('judges an empty field by the default the form shows in it', () => {
    const withDefault = { ...schema, properties: { ...schema.properties, category: { type: 'string', title: '类别', default: '1' } } };
    const visibility = compileFormVisibility(withDefault, uiSchema);
    expect(hiddenFor(visibility, {})).toEqual([]);
    expect(hiddenFor(visibility, { category: '2' })).toEqual(['standardName']);
  });

  it('given a condition that does not compile (being typed in the designer), then the field stays shown', () => {
    const visibility = compileFormVisibility(schema, { standardName: { 'ui:visibleWhen': 'category = ' } });
    expect(hiddenFor(visibility, { category: '2' })).toEqual([]);
  });
});
