import { describe, expect, it } from 'vitest';
import person from '../../../definitions/entities/person.json';
import department from '../../../definitions/entities/department.json';
import { fieldIds } from './entityContent';
import { addField, fieldView, fieldViews, idProblem, moveField, removeField, updateField } from './fieldModel';

type Content = Record<string, unknown>;
const schemaOf = (c: Content) => c.schema as Record<string, any>;
const uiOf = (c: Content) => c.uiSchema as Record<string, any>;

describe('the field model (visual editor ⇄ definition JSON)', () => {
  it('reads each field with its id, title, type and flags', () => {
    const views = fieldViews(person);
    expect(views.map((v) => v.id)).toEqual(person.uiSchema['ui:order']);
    expect(fieldView(person, 'documentType')).toEqual({ id: 'documentType', title: '证件类型', type: 'dictionary', required: true,
      dictionary: 'documentType', list: true, search: false, importColumn: true });
    expect(fieldView(person, 'departmentId')).toMatchObject({ type: 'reference', refEntity: 'department' });
    expect(fieldView(person, 'mobile')).toMatchObject({ type: 'text', format: 'mobile', maxLength: 11, required: false });
    expect(fieldView(person, 'idNumber')?.help).toBe('居民身份证录入后，性别和出生日期会自动填写');
  });

  it('adds an optional field at the end of the order, in the import template unless excluded', () => {
    const next = addField(person, 'wechatId', '微信号', 'text');
    expect(schemaOf(next).properties.wechatId).toEqual({ title: '微信号', type: 'string', maxLength: 100 });
    expect(schemaOf(next).required).toEqual(person.schema.required);
    expect(fieldIds(next).at(-1)).toBe('wechatId');
    expect(fieldView(next, 'wechatId')?.importColumn).toBe(true);
    expect(person.schema.properties).not.toHaveProperty('wechatId'); // nothing mutated
  });

  it('renames a title without touching the id, and writes flags, help and import exclusion', () => {
    const view = fieldView(person, 'mobile')!;
    const next = updateField(person, { ...view, title: '联系电话', list: true, search: true, help: '11 位手机号', importColumn: false });
    expect(schemaOf(next).properties.mobile).toEqual({ type: 'string', title: '联系电话', maxLength: 11, format: 'mobile', 'x-list': true, 'x-search': true });
    expect(Object.keys(schemaOf(next).properties)).toEqual(Object.keys(person.schema.properties));
    expect(uiOf(next).mobile).toEqual({ 'ui:help': '11 位手机号' });
    expect(next.import).toEqual({ ...person.import, exclude: ['mobile'] });
    expect(fieldView(next, 'mobile')).toMatchObject({ title: '联系电话', list: true, search: true, importColumn: false });
  });

  it('changes the type, dropping the old type\'s keywords only', () => {
    const view = fieldView(person, 'mobile')!;
    const next = updateField(person, { ...view, type: 'dictionary', dictionary: 'nation' });
    expect(schemaOf(next).properties.mobile).toEqual({ title: '手机号码', type: 'string', 'x-dictionary': 'nation' });
  });

  it('makes a field required, or required when another field has a value (JSON Schema if/then)', () => {
    const nation = fieldView(person, 'nation')!;
    const required = updateField(person, { ...nation, required: true });
    expect(schemaOf(required).required).toEqual([...person.schema.required, 'nation']);
    const conditional = updateField(person, { ...nation, requiredWhen: { field: 'nationality', value: 'CHN' } });
    expect(schemaOf(conditional).allOf).toEqual([{ if: { required: ['nationality'], properties: { nationality: { const: 'CHN' } } },
      then: { required: ['nation'] } }]);
    expect(fieldView(conditional, 'nation')?.requiredWhen).toEqual({ field: 'nationality', value: 'CHN' });
    const mobile = fieldView(conditional, 'mobile')!;
    const both = updateField(conditional, { ...mobile, requiredWhen: { field: 'nationality', value: 'CHN' } });
    expect(schemaOf(both).allOf).toHaveLength(1);
    expect(schemaOf(both).allOf[0].then.required).toEqual(['nation', 'mobile']);
    const cleared = updateField(updateField(both, { ...fieldView(both, 'nation')!, requiredWhen: undefined }),
      { ...fieldView(both, 'mobile')!, requiredWhen: undefined });
    expect(schemaOf(cleared)).not.toHaveProperty('allOf');
  });

  it('reads and edits a condition written at the root (部门: 类别为科室时标准科室必填)', () => {
    expect(fieldView(department, 'standardName')?.requiredWhen).toEqual({ field: 'category', value: '1' });
    const cleared = updateField(department, { ...fieldView(department, 'standardName')!, requiredWhen: undefined });
    expect(schemaOf(cleared)).not.toHaveProperty('if');
    expect(schemaOf(cleared)).not.toHaveProperty('then');
  });

  it('removes a field with every mention, and moves fields within the order', () => {
    const withCondition = updateField(person, { ...fieldView(person, 'nation')!, requiredWhen: { field: 'mobile', value: '1' } });
    const next = removeField(withCondition, 'mobile');
    expect(schemaOf(next).properties).not.toHaveProperty('mobile');
    expect(uiOf(next)['ui:order']).not.toContain('mobile');
    expect(schemaOf(next)).not.toHaveProperty('allOf');
    const removedRequired = removeField(person, 'sex');
    expect(schemaOf(removedRequired).required).not.toContain('sex');

    const moved = moveField(person, 'mobile', -1);
    expect(fieldIds(moved).slice(6, 8)).toEqual(['mobile', 'nationality']);
    expect(moveField(person, 'name', -1)).toBe(person);
  });

  it('refuses ids that are not identifiers or already used', () => {
    expect(idProblem(person, '微信')).toContain('小写英文字母开头');
    expect(idProblem(person, 'mobile')).toContain('已有');
    expect(idProblem(person, 'wechatId')).toBeUndefined();
  });
});
