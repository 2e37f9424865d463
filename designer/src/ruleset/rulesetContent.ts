import type { FeelVariable } from '@bpmn-io/feel-editor';
import type { RulesetContent } from '@zjrj/engine/rules';

/** The draft content as a rule set (the editor tolerates missing parts: the JSON may be half-typed). */
export function asRuleset(content: Record<string, unknown>): RulesetContent {
  const r = content as Partial<RulesetContent>;
  return { ...r, appliesTo: r.appliesTo ?? { entity: '' }, rules: r.rules ?? [], parameters: r.parameters ?? {}, tests: r.tests ?? [] } as RulesetContent;
}

/** The fields of the governed entity's schema as completion entries (name, title). */
export function fieldVariables(entityContent: Record<string, unknown> | undefined): FeelVariable[] {
  const properties = (entityContent?.schema as { properties?: Record<string, { title?: string }> } | undefined)?.properties ?? {};
  return Object.entries(properties).map(([name, field]) => ({ name, detail: '字段', info: field.title }));
}

/** Names a rule's expressions may use: the record's fields, the parameters, lookups, `segments` and the date helpers. */
export function feelVariables(ruleset: RulesetContent, fields: FeelVariable[] = []): FeelVariable[] {
  const params = Object.entries(ruleset.parameters ?? {}).map(([name, p]) => ({ name, detail: '参数', info: `${p.title ?? name}：${JSON.stringify(p.value)}` }));
  const lookups = Object.keys(ruleset.lookups ?? {}).map((name) => ({ name, detail: '关联记录' }));
  const group = ruleset.group ? [{ name: 'segments', detail: '同组记录', info: `按 ${ruleset.group.by} 分组的全部记录` }] : [];
  const helpers = ['addDays', 'addMonths', 'daysBetween', 'monthsAndDays', 'latest', 'earliest'].map((name) => ({ name, detail: '日期函数' }));
  return [...fields, ...params, ...lookups, ...group, ...helpers];
}

/** An array with item `index` replaced. */
export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((current, i) => (i === index ? item : current));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** An object without `key` (undefined and '' mean "not set" in the definition format). */
export function withField<T extends object, K extends keyof T>(object: T, key: K, value: T[K] | undefined): T {
  const next = { ...object };
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
  else next[key] = value;
  return next;
}
