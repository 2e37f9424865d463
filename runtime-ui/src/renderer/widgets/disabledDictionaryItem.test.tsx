import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SchemaNode } from '../../api';
import { EntityForm } from '../EntityForm';
import { buildChoiceTree } from './dictionaryTree';

/** 民族 as the engine serves it after 蒙古族 was disabled in the designer: still in `oneOf`, marked `x-disabled`. */
const schema: SchemaNode = {
  type: 'object',
  properties: {
    nation: { type: 'string', title: '民族', 'x-dictionary': 'nation', oneOf: [
      { const: '01', title: '汉族' },
      { const: '02', title: '蒙古族', 'x-disabled': true },
    ] },
  },
};

describe('a disabled dictionary item (停用后已有记录仍可显示，但不能再选择)', () => {
  it('keeps the label of an old record\'s value, and is not offered for choosing', async () => {
    const onChange = vi.fn();
    const { container } = render(<EntityForm schema={schema} formData={{ nation: '02' }} onChange={onChange} submitText={false} />);
    expect(await screen.findByTitle('蒙古族（已停用）')).toBeTruthy();
    fireEvent.mouseDown(container.querySelector('.ant-select')!);
    const disabled = (await screen.findAllByText('蒙古族（已停用）')).find((e) => e.closest('.ant-select-item-option'));
    expect(disabled?.closest('.ant-select-item-option')?.className).toContain('ant-select-item-option-disabled');
    fireEvent.click(disabled!);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('stays in a tree as a node that cannot be picked', () => {
    const tree = buildChoiceTree([{ value: 'A03', label: '内科' }, { value: 'A03.L1', label: '旧专业（已停用）', parent: 'A03', disabled: true },
      { value: 'X', label: '旧科目（已停用）', disabled: true }]);
    expect(tree.map((n) => n.value)).toEqual(['A03', 'X']);
    expect(tree[0]!.children[0]).toMatchObject({ value: 'A03.L1', selectable: false, disabled: true });
  });
});
