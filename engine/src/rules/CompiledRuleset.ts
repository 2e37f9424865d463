import { compileExpression, FeelProblem, freeVariables, type CompiledExpression } from './feel.js';
import { feelHelpers } from './helpers.js';
import type { Rule, RulesetContent, RulesetProblem, RuleTestInput, RuleViolation } from './types.js';

type Data = Record<string, unknown>;

interface CompiledRule {
  rule: Rule;
  when?: CompiledExpression;
  assert: CompiledExpression;
  values: Array<[string, CompiledExpression]>;
}

/** Thrown when a rule set cannot be compiled; each problem names the rule and the position. */
export class RulesetError extends Error {
  constructor(readonly problems: RulesetProblem[]) { super(problems.map((p) => `${p.path}: ${p.message}`).join('; ')); }
}

const formatValue = (value: unknown): string =>
  value === null || value === undefined ? '（空）' : typeof value === 'boolean' ? (value ? '是' : '否') : String(value);

/**
 * A rule set compiled once per published version: every FEEL expression parsed into a function of
 * the known variables (the record's fields, the lookups, the parameters, `segments` for group
 * rules, and the date helpers). Pure TypeScript + feelin: the browser runs this same code.
 */
export class CompiledRuleset {
  private readonly rules: CompiledRule[];
  private readonly names: string[];
  private readonly constants: Data;
  /** Every field as null: group members are completed with it, so a missing field reads as null. */
  private readonly blank: Data;

  constructor(readonly content: RulesetContent, fields: readonly string[]) {
    const parameters = Object.fromEntries(Object.entries(content.parameters ?? {}).map(([k, p]) => [k, p.value]));
    this.constants = { ...feelHelpers, ...parameters };
    this.blank = Object.fromEntries(fields.map((field) => [field, null]));
    this.names = [...new Set([...fields, ...Object.keys(content.lookups ?? {}), 'segments', ...Object.keys(this.constants)])];
    const problems: RulesetProblem[] = [];
    this.rules = content.rules.flatMap((rule, index) => {
      const compile = (source: string, where: string) => this.compileChecked(source, `/rules/${index}/${where}`, rule.id, problems);
      const compiled = { rule, when: rule.when ? compile(rule.when, 'when') : undefined, assert: compile(rule.assert, 'assert'),
        values: Object.entries(rule.values ?? {}).map(([name, source]) => [name, compile(source, `values/${name}`)]) };
      return compiled.assert && (!rule.when || compiled.when) && compiled.values.every(([, v]) => v)
        ? [compiled as CompiledRule] : [];
    });
    if (problems.length > 0) throw new RulesetError(problems);
  }

  private compileChecked(source: string, path: string, id: string, problems: RulesetProblem[]): CompiledExpression | undefined {
    try {
      const unknown = freeVariables(source).filter((v) => !this.names.includes(v.name));
      for (const v of unknown) problems.push({ path, message: `规则「${id}」使用了未知的变量「${v.name}」（第 ${v.position + 1} 个字符）` });
      if (unknown.length) return undefined;
      const compiled = compileExpression(source, this.names);
      // feelin refuses some malformed expressions only when run: run once on an empty record.
      compiled.run({ ...Object.fromEntries(this.names.map((n) => [n, null])), ...this.constants, segments: [] });
      return compiled;
    } catch (error) {
      if (!(error instanceof FeelProblem)) error = new FeelProblem(`FEEL 表达式无法求值：${(error as Error).message}`);
      const position = error instanceof FeelProblem && error.position !== undefined ? `（第 ${error.position + 1} 个字符）` : '';
      problems.push({ path, message: `规则「${id}」的表达式有误${position}：${(error as Error).message}` });
      return undefined;
    }
  }

  /** Every rule the record breaks, with the group (the record plus `others`) for group rules. */
  judge(input: RuleTestInput, onWarning?: (ruleId: string, warnings: string[]) => void): RuleViolation[] {
    const orderBy = this.content.group?.orderBy;
    const segments = [...(input.others ?? []), input.record].map((member) => ({ ...this.blank, ...member }))
      .sort((a, b) => (orderBy ? String(a[orderBy] ?? '').localeCompare(String(b[orderBy] ?? '')) : 0));
    const variables: Data = { ...this.constants, segments };
    for (const name of this.names) if (!(name in variables)) variables[name] = null;
    for (const [name, value] of Object.entries(input.record)) if (name in variables && !(name in this.constants)) variables[name] = value;
    for (const name of Object.keys(this.content.lookups ?? {})) variables[name] = input.lookups?.[name] ?? null;
    return this.rules.flatMap((compiled) => this.verdict(compiled, variables, onWarning));
  }

  private verdict(compiled: CompiledRule, variables: Data, onWarning?: (ruleId: string, warnings: string[]) => void): RuleViolation[] {
    const run = (expression: CompiledExpression) => {
      const { value, warnings } = expression.run(variables);
      if (warnings.length) onWarning?.(compiled.rule.id, warnings);
      return value;
    };
    try {
      if (compiled.when && run(compiled.when) !== true) return [];
      // An assertion that cannot be decided (null: a field is missing) is left to the schema's checks.
      if (run(compiled.assert) !== false) return [];
      const extra = Object.fromEntries(compiled.values.map(([name, expression]) => [name, run(expression)]));
      const message = compiled.rule.message.replace(/\{([\w.]+)\}/g, (_m, name: string) =>
        formatValue(name in extra ? extra[name] : name.split('.').reduce<unknown>((v, key) => (v as Data | null)?.[key], variables)));
      return [{ code: compiled.rule.id, message, ...(compiled.rule.path ? { path: compiled.rule.path } : {}) }];
    } catch (error) {
      // Never let a broken rule wave a record through: refuse it, saying the rule is at fault.
      onWarning?.(compiled.rule.id, [(error as Error).message]);
      return [{ code: 'RULE_ERROR', rule: compiled.rule.id,
        message: `填报规则「${compiled.rule.id}」无法判断这条信息（规则本身有误），暂不能保存；请联系上级卫生健康行政部门修正规则。` }];
    }
  }

  /** The rule set's own test cases: each failing case names what it expected and what it got. */
  runTests(): RulesetProblem[] {
    return (this.content.tests ?? []).flatMap((test, index) => {
      const warnings: string[] = [];
      const got = this.judge(test.input, (id, w) => warnings.push(`${id}: ${w.join('；')}`)).map((v) => v.code).sort();
      const expected = [...test.expect].sort();
      const problems: RulesetProblem[] = [];
      if (got.join() !== expected.join()) {
        problems.push({ path: `/tests/${index}`, message: `测试「${test.name}」未通过：预期违反 [${expected.join(', ')}]，实际违反 [${got.join(', ')}]` });
      }
      if (warnings.length) problems.push({ path: `/tests/${index}`, message: `测试「${test.name}」的求值有警告：${warnings.join('；')}` });
      return problems;
    });
  }
}
