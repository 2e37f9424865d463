import { describe, expect, it } from 'vitest';
import department from '../../../definitions/entities/department.json';
import { fieldView, updateField } from './fieldModel';
import { expressionOf, visibilityOf } from './visibility';

type Content = Record<string, unknown>;
const uiOf = (c: Content) => c.uiSchema as Record<string, any>;

describe('显示条件 (ui:visibleWhen) in the field model', () => {
  it('reads the stored condition of a field, and none for a field always shown', () => {
    expect(fieldView(department, 'standardName')?.visibleWhen).toBe('category = "1"');
    expect(fieldView(department, 'name')).not.toHaveProperty('visibleWhen');
  });

  it('writes a condition next to the field\'s other ui keywords, and removes it (and an emptied ui entry) for "always"', () => {
    const view = fieldView(department, 'order')!;
    const shown = updateField(department, { ...view, visibleWhen: 'category = "3"' });
    expect(uiOf(shown).order).toEqual({ 'ui:visibleWhen': 'category = "3"' });
    expect(fieldView(shown, 'order')?.visibleWhen).toBe('category = "3"');
    const always = updateField(shown, { ...fieldView(shown, 'order')!, visibleWhen: undefined });
    expect(uiOf(always)).not.toHaveProperty('order');

    const standard = fieldView(department, 'standardName')!;
    const cleared = updateField(department, { ...standard, visibleWhen: undefined });
    expect(uiOf(cleared).standardName).toEqual({ 'ui:help': department.uiSchema.standardName['ui:help'] });
    expect(uiOf(department).standardName['ui:visibleWhen']).toBe('category = "1"'); // nothing mutated
  });
});

describe('visibilityOf / expressionOf (the three modes ⇄ FEEL)', () => {
  it('reads "field = literal" as the field+value builder, anything else as a custom expression, nothing as always shown', () => {
    expect(visibilityOf(undefined)).toEqual({ mode: 'always' });
    expect(visibilityOf('category = "1"')).toEqual({ mode: 'when', when: { field: 'category', value: '1' } });
    expect(visibilityOf('order = 3')).toEqual({ mode: 'when', when: { field: 'order', value: 3 } });
    expect(visibilityOf('active = true')).toEqual({ mode: 'when', when: { field: 'active', value: true } });
    expect(visibilityOf('nationality != "CHN"')).toEqual({ mode: 'custom', expression: 'nationality != "CHN"' });
    expect(visibilityOf('category = "1" and order > 2')).toMatchObject({ mode: 'custom' });
  });

  it('writes the builder as FEEL (strings quoted and escaped), nothing until field and value are chosen', () => {
    expect(expressionOf({ mode: 'when', when: { field: 'category', value: '1' } })).toBe('category = "1"');
    expect(expressionOf({ mode: 'when', when: { field: 'note', value: 'say "hi"' } })).toBe('note = "say \\"hi\\""');
    expect(expressionOf({ mode: 'when', when: { field: 'order', value: 3 } })).toBe('order = 3');
    expect(expressionOf({ mode: 'when', when: { field: 'category', value: '' } })).toBeUndefined();
    expect(expressionOf({ mode: 'always' })).toBeUndefined();
    expect(expressionOf({ mode: 'custom', expression: 'a != null' })).toBe('a != null');
    for (const source of ['category = "1"', 'note = "say \\"hi\\""', 'order = 3', 'active = false']) {
      expect(expressionOf(visibilityOf(source))).toBe(source);
    }
  });
});
