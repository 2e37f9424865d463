import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Dictionary, SchemaNode } from '../../api';
import { EntityForm } from '../EntityForm';

/** 科室标准名称 as the engine serves it: selectable items in `oneOf` (with their parents); groups only in the dictionary. */
const schema: SchemaNode = {
  type: 'object',
  properties: {
    standardName: { type: 'string', title: '科室标准名称', 'x-dictionary': 'clinicalSubject', oneOf: [
      { const: 'A03', title: '内科', 'x-parent': 'A' },
      { const: 'A03.04', title: '心血管内科专业', 'x-parent': 'A03' },
      { const: 'D99', title: '其他科室', 'x-parent': 'D' },
    ] },
  },
};
const clinicalSubject: Dictionary = { key: 'clinicalSubject', version: 1, title: '科室标准名称', items: [
  { code: 'A', label: '诊疗科目（临床/医技业务科室）', enabled: true, selectable: false },
  { code: 'A03', label: '内科', parent: 'A', enabled: true, selectable: true },
  { code: 'A03.04', label: '心血管内科专业', parent: 'A03', enabled: true, selectable: true },
  { code: 'D', label: '其他科室（医辅/职能）', enabled: true, selectable: false },
  { code: 'D99', label: '其他科室', parent: 'D', enabled: true, selectable: true },
] };

describe('a tree dictionary field (科室标准名称)', () => {
  it('is a tree select searchable by label or code, where groups cannot be chosen and 其他科室 can', async () => {
    const onChange = vi.fn();
    const { container } = render(<EntityForm schema={schema} onChange={onChange} submitText={false}
      services={{ dictionaries: { dictionary: async () => clinicalSubject } }} />);
    const search = (text: string) => {
      fireEvent.mouseDown(container.querySelector('.ant-select')!);
      fireEvent.change(screen.getByLabelText('科室标准名称'), { target: { value: text } });
    };
    search('d99');
    await screen.findByTitle('其他科室');
    await waitFor(() => expect(document.querySelector('[title="其他科室（医辅/职能）"]')).toBeTruthy());
    expect(screen.queryByTitle('心血管内科专业')).toBeNull();

    fireEvent.click(document.querySelector('[title="其他科室（医辅/职能）"]')!);
    expect(onChange).not.toHaveBeenCalled();
    search('其他科室');
    fireEvent.click(await screen.findByTitle('其他科室'));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith({ standardName: 'D99' }));
  });
});
