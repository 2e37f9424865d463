import { describe, expect, it } from 'vitest';
import { compileVisibility, describeCondition, hiddenFields, VisibilityProblem } from './index.js';

const fields = ['category', 'standardName', 'note', 'nationality', 'order'];
const words = {
  title: (f: string) => ({ category: '科室（部门）类别', nationality: '国籍/地区', order: '排序号' })[f] ?? f,
  label: (f: string, v: unknown) => (f === 'category' && v === '1' ? '科室（部门）' : f === 'nationality' && v === 'CHN' ? '中国' : String(v)),
};

describe('ui:visibleWhen conditions', () => {
  it('hides a field whose condition is not true (false or null), and cascades through hidden fields', () => {
    const conditions = compileVisibility({ standardName: { 'ui:visibleWhen': 'category = "1"' },
      note: { 'ui:visibleWhen': 'standardName != null' }, 'ui:order': ['category'] }, fields);
    expect(hiddenFields(conditions, { category: '1', standardName: 'A10', note: 'x' }, fields)).toEqual([]);
    expect(hiddenFields(conditions, { category: '2', standardName: 'A10', note: 'x' }, fields).sort()).toEqual(['note', 'standardName']);
    expect(hiddenFields(compileVisibility({ note: { 'ui:visibleWhen': 'order > 2' } }, fields), {}, fields)).toEqual(['note']);
  });

  it('refuses a condition that does not parse, names an unknown field or the field itself, naming the field', () => {
    const problem = (source: unknown) => {
      try {
        compileVisibility({ note: { 'ui:visibleWhen': source } }, fields);
        return undefined;
      } catch (error) {
        expect(error).toBeInstanceOf(VisibilityProblem);
        expect((error as VisibilityProblem).field).toBe('note');
        return (error as Error).message;
      }
    };
    expect(problem('category = ')).toMatch(/^显示条件有误：FEEL 语法错误/);
    expect(problem('kind = "1"')).toBe('显示条件使用了未知的字段「kind」，只能使用本表单的字段');
    expect(problem('note != null')).toBe('显示条件不能引用字段自身');
    expect(problem(3)).toBe('显示条件应为非空的 FEEL 表达式');
    expect(problem('addDays(category, 1) != null')).toBeUndefined(); // rule helpers may be used
  });

  it('puts comparisons with literals in words, titles and labels; quotes anything else with titles', () => {
    expect(describeCondition('category = "1"', words)).toBe('「科室（部门）类别」为「科室（部门）」');
    expect(describeCondition('nationality != "CHN" and order >= 3', words)).toBe('「国籍/地区」不为「中国」且「排序号」不小于「3」');
    expect(describeCondition('(category in ["1", "2"]) or note = null', words)).toBe('「科室（部门）类别」为「科室（部门）」或「2」或「note」未填写');
    expect(describeCondition('count(note) > 1', words)).toBe('满足条件“count(「note」) > 1”');
  });
});
