import { describe, expect, it } from 'vitest';
import type { EntityVersion } from '../../definitions/index.js';
import { importLayout, layoutChecksum } from '../index.js';
import { fieldOrder, sheetName } from '../layout.js';
import { useFixture } from './fixtures.js';
import { layoutOf } from './support.js';

const fx = useFixture();

const titles = (entity: string) => layoutOf(fx.registry, entity).columns.map((c) => c.title);

/** The entity in force with its content changed (a definition as a bureau might publish it). */
function changed(key: string, change: (content: EntityVersion['definition']['content']) => void): EntityVersion {
  const entity = fx.registry.entity(key)!;
  const content = structuredClone(entity.definition.content);
  change(content);
  return { ...entity, definition: { ...entity.definition, content } };
}

describe('importLayout', () => {
  it('gives probation the person columns, then its fields in ui:order without derived fields and attachments', () => {
    expect(titles('probation')).toEqual(['机构名称', '姓名', '证件类型', '证件号码', '所在部门', '考生类型', '考试年度',
      '试用期开始日期', '试用期结束日期', '带教老师', '带教执业证书编码', '备注']);
    const layout = layoutOf(fx.registry, 'probation');
    expect(layout).toMatchObject({ entity: 'probation', title: '试用期', sheet: '试用期', version: fx.registry.entity('probation')!.definition.version });
    expect(layout.columns.slice(0, 5).map((c) => [c.key, c.kind, c.required, c.field])).toEqual([
      ['@institution', 'ref', true, undefined], ['@personName', 'text', true, undefined],
      ['@personDocumentType', 'dictionary', true, undefined], ['@personIdNumber', 'text', true, undefined],
      ['@personDepartment', 'ref', true, undefined]]);
    const byKey = new Map(layout.columns.map((c) => [c.key, c]));
    expect(byKey.get('@personIdNumber')).toMatchObject({ idNumber: true, code: true });
    expect(byKey.get('@personDocumentType')?.dictionary?.items[0]).toEqual({ code: '01', label: '居民身份证', aliases: ['身份证'] });
    expect(byKey.get('@personDepartment')?.refEntity).toBe('department');
    expect(byKey.get('candidateType')).toMatchObject({ kind: 'dictionary', required: true, field: 'candidateType' });
    expect(byKey.get('examYear')).toMatchObject({ kind: 'integer', note: '必填。整数，2020–2100。' });
    expect(byKey.get('startDate')).toMatchObject({ kind: 'date', note: '必填。日期，格式 YYYY-MM-DD，例如 2024-01-05。' });
    expect(byKey.get('supervisorCertificateCode')).toMatchObject({ kind: 'text', code: true });
    expect(byKey.get('supervisorCertificateCode')?.idNumber).toBeUndefined();
    expect(byKey.get('remarks')).toMatchObject({ kind: 'text', required: false });
  });

  it('gives the person sheet 机构名称 and then its own fields, departments and posts as references', () => {
    expect(titles('person')).toEqual(['机构名称', '姓名', '证件类型', '证件号码', '性别', '出生日期', '民族', '国籍/地区', '手机号码',
      '所在部门', '岗位', '在职状态']);
    const columns = new Map(layoutOf(fx.registry, 'person').columns.map((c) => [c.key, c]));
    expect(columns.get('idNumber')).toMatchObject({ kind: 'text', idNumber: true, code: true, required: true });
    expect(columns.get('departmentId')).toMatchObject({ kind: 'ref', refEntity: 'department', required: true });
    expect(columns.get('postId')).toMatchObject({ kind: 'ref', refEntity: 'post', required: false });
    expect(columns.get('postId')?.note).toBe('选填。请从下拉列表中选择本机构已有的机构岗位名称。');
  });

  it('leaves out attachments, and keeps only selectable dictionary items', () => {
    expect(titles('education')).toEqual(['机构名称', '姓名', '证件类型', '证件号码', '所在部门', '学历', '毕业学校', '所学专业',
      '入学日期', '毕业日期', '毕业证书编号']);
    const degree = layoutOf(fx.registry, 'degree').columns.find((c) => c.key === 'degree')!;
    const all = fx.registry.dictionary('degree')!.items;
    expect(degree.dictionary!.items.map((i) => i.code)).toEqual(all.filter((i) => i.enabled && i.attrs.selectable !== false).map((i) => i.code));
    expect(degree.dictionary!.items.length).toBeLessThan(all.length);
  });

  it('follows import.exclude and ui:order with "*", and has no layout without an import declaration', () => {
    const excluded = importLayout(changed('probation', (c) => { c.import!.exclude = ['remarks', 'examYear']; }), fx.registry)!;
    expect(excluded.columns.map((c) => c.key)).not.toContain('remarks');
    expect(excluded.columns.map((c) => c.key)).not.toContain('examYear');
    expect(fieldOrder({ a: {}, b: {}, c: {}, d: {} }, ['c', '*', 'a'])).toEqual(['c', 'b', 'd', 'a']);
    expect(fieldOrder({ a: {}, b: {}, c: {} }, ['c', 'nope'])).toEqual(['c', 'a', 'b']);
    expect(importLayout(fx.registry.entity('department')!, fx.registry)).toBeUndefined();
  });

  it('has a checksum over entity, keys and titles, and valid sheet names', () => {
    const layout = layoutOf(fx.registry, 'probation');
    expect(layout.checksum).toMatch(/^[0-9a-f]{16}$/);
    expect(layout.checksum).toBe(layoutChecksum('probation', layout.columns));
    const retitled = importLayout(changed('probation', (c) => { c.schema.properties.remarks!.title = '说明'; }), fx.registry)!;
    expect(retitled.checksum).not.toBe(layout.checksum);
    const loosened = importLayout(changed('probation', (c) => { c.schema.properties.remarks!.maxLength = 500; }), fx.registry)!;
    expect(loosened.checksum).toBe(layout.checksum);
    expect(layoutOf(fx.registry, 'otherCertificate').sheet).toBe('其他证明／证书');
    expect(sheetName('a[b]:c*d?e\\f/g' + 'x'.repeat(40))).toBe('a【b】：c＊d？e＼f／g' + 'x'.repeat(17));
    expect(sheetName('_meta')).toBe('_meta数据');
  });

  it('refuses a definition whose columns would share a title', () => {
    const clash = changed('probation', (c) => { c.schema.properties.remarks!.title = '姓名'; });
    expect(() => importLayout(clash, fx.registry)).toThrow('duplicate column titles 姓名');
  });
});
