import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SchemaNode } from '../../api';
import { EntityForm } from '../EntityForm';
import { SectionExtrasContext } from './SectionExtras';
import { formSections } from './sections';

const declared = [
  { title: '基本信息', fields: ['name', 'creditCode'] },
  { title: '机构信息', description: '地址与坐标', fields: ['address', 'longitude', 'name'] },
  { title: '附件', fields: ['licenseScan'] },
];

describe('formSections', () => {
  it('given declared sections, then each field shows once, in the first section naming it, in the declared order', () => {
    expect(formSections(declared, ['name', 'creditCode', 'address', 'longitude', 'licenseScan'])).toEqual([
      { key: 'section-0', title: '基本信息', description: undefined, fields: ['name', 'creditCode'] },
      { key: 'section-1', title: '机构信息', description: '地址与坐标', fields: ['address', 'longitude'] },
      { key: 'section-2', title: '附件', description: undefined, fields: ['licenseScan'] },
    ]);
  });

  it('given fields no section names, then they follow in 其他信息; names of absent fields are skipped', () => {
    const sections = formSections(declared, ['name', 'bedCount', 'creditCode', 'phone'])!;
    expect(sections.map((s) => [s.title, s.fields])).toEqual([
      ['基本信息', ['name', 'creditCode']], ['机构信息', []], ['附件', []], ['其他信息', ['bedCount', 'phone']],
    ]);
  });

  it('given no declaration or a malformed one, then there are no sections (the plain form)', () => {
    expect(formSections(undefined, ['name'])).toBeUndefined();
    expect(formSections([], ['name'])).toBeUndefined();
    expect(formSections([{ title: '基本信息' }], ['name'])).toBeUndefined();
    expect(formSections([{ title: '基本信息', fields: [1] }], ['name'])).toBeUndefined();
  });
});

const schema: SchemaNode = {
  type: 'object',
  properties: {
    name: { type: 'string', title: '机构名称', readOnly: true },
    address: { type: 'string', title: '详细地址' },
    longitude: { type: 'number', title: '经度' },
    branches: { type: 'array', title: '分院信息', items: { type: 'object', properties: { name: { type: 'string', title: '分院名称' } } } },
  },
};

describe('EntityForm with ui:sections', () => {
  it('given a uiSchema declaring sections, then each is a titled card holding its fields, with the page\'s extras', () => {
    const uiSchema = { 'ui:sections': [
      { title: '基本信息', description: '主体信息只读', fields: ['name'] },
      { title: '机构信息', fields: ['address', 'longitude'] },
      { title: '分院信息', fields: ['branches'] },
    ] };
    const { container } = render(
      <SectionExtrasContext.Provider value={(section) => (section.fields.includes('longitude') ? <button type="button">手机定位</button> : null)}>
        <EntityForm schema={schema} uiSchema={uiSchema} formData={{ name: '江岸区人民医院', branches: [{ name: '东院' }] }} submitText={false} />
      </SectionExtrasContext.Provider>,
    );
    const sections = [...container.querySelectorAll<HTMLElement>('[data-section]')];
    expect(sections.map((s) => s.dataset.section)).toEqual(['基本信息', '机构信息', '分院信息']);
    expect(within(sections[0]!).getByText('主体信息只读')).toBeTruthy();
    expect((within(sections[0]!).getByLabelText('机构名称') as HTMLInputElement).disabled).toBe(true);
    expect(within(sections[1]!).getByLabelText('经度')).toBeTruthy();
    expect(within(sections[1]!).getByRole('button', { name: '手机定位' })).toBeTruthy();
    expect(within(sections[0]!).queryByRole('button', { name: '手机定位' })).toBeNull();
    // Nested objects (a branch) keep the plain layout.
    expect((within(sections[2]!).getByLabelText('分院名称') as HTMLInputElement).value).toBe('东院');
  });

  it('given no sections, then the form is the plain one', () => {
    const { container } = render(<EntityForm schema={schema} submitText={false} />);
    expect(container.querySelector('[data-section]')).toBeNull();
    expect(screen.getByLabelText('详细地址')).toBeTruthy();
  });
});
