import { compileExpression, FeelProblem, freeVariables, type CompiledExpression } from './feel.js';
import type { Rule, RuleChannel, RulesetProblem, RuleViolation } from './types.js';

type Data = Record<string, unknown>;
export type OnWarning = (ruleId: string, warnings: string[]) => void;
/** `interpret`: run feelin's interpreter instead of the translation; `channel`: how the record arrives (rules with `on` skip other channels). */
export interface RunOptions { interpret?: boolean; channel?: RuleChannel }

/** One rule with its expressions compiled; `readsRecord`: a group rule that also reads the record's own fields. */
export interface CompiledRule {
  rule: Rule;
  when?: CompiledExpression;
  assert: CompiledExpression;
  values: Array<[string, CompiledExpression]>;
  readsRecord: boolean;
}

const formatValue = (value: unknown): string =>
  value === null || value === undefined ? '（空）' : typeof value === 'boolean' ? (value ? '是' : '否') : String(value);

/** Compiles every expression of a rule, reporting unknown variables and broken FEEL with positions. */
export function compileRule(rule: Rule, index: number, names: readonly string[], fields: ReadonlySet<string>, probe: Data,
  problems: RulesetProblem[]): CompiledRule | undefined {
  const sources = [['when', rule.when], ['assert', rule.assert], ...Object.entries(rule.values ?? {}).map(([n, s]) => [`values/${n}`, s])];
  let readsRecord = false;
  const compile = (source: string, where: string): CompiledExpression | undefined => {
    const path = `/rules/${index}/${where}`;
    try {
      const variables = freeVariables(source);
      const unknown = variables.filter((v) => !names.includes(v.name));
      for (const v of unknown) problems.push({ path, message: `规则「${rule.id}」使用了未知的变量「${v.name}」（第 ${v.position + 1} 个字符）` });
      if (unknown.length) return undefined;
      readsRecord ||= variables.some((v) => fields.has(v.name));
      const compiled = compileExpression(source, names);
      // feelin refuses some malformed expressions only when run: run once on an empty record, both ways.
      compiled.run(probe, { interpret: true });
      compiled.run(probe);
      return compiled;
    } catch (error) {
      const problem = error instanceof FeelProblem ? error : new FeelProblem(`FEEL 表达式无法求值：${(error as Error).message}`);
      const position = problem.position !== undefined ? `（第 ${problem.position + 1} 个字符）` : '';
      problems.push({ path, message: `规则「${rule.id}」的表达式有误${position}：${problem.message}` });
      return undefined;
    }
  };
  const compiled = Object.fromEntries(sources.filter(([, s]) => s !== undefined).map(([where, s]) => [where, compile(s!, where!)]));
  if (Object.values(compiled).some((c) => c === undefined)) return undefined;
  return { rule, when: compiled.when, assert: compiled.assert!, readsRecord,
    values: Object.keys(rule.values ?? {}).map((name) => [name, compiled[`values/${name}`]!]) };
}

/** The rule's verdict on one set of variables: nothing, or one violation with its message filled in. */
function evaluate(expression: CompiledExpression, variables: Data, ruleId: string, onWarning?: OnWarning, options?: RunOptions): unknown {
  const { value, warnings } = expression.run(variables, options);
  if (warnings.length) onWarning?.(ruleId, warnings);
  return value;
}

export function verdict(compiled: CompiledRule, variables: Data, onWarning?: OnWarning, options?: RunOptions): RuleViolation | undefined {
  const id = compiled.rule.id;
  if (options?.channel && compiled.rule.on && !compiled.rule.on.includes(options.channel)) return undefined;
  try {
    if (compiled.when && evaluate(compiled.when, variables, id, onWarning, options) !== true) return undefined;
    // An assertion that cannot be decided (null: a field is missing) is left to the schema's checks.
    if (evaluate(compiled.assert, variables, id, onWarning, options) !== false) return undefined;
    const extra = Object.fromEntries(compiled.values.map(([name, expression]) => [name, evaluate(expression, variables, id, onWarning, options)]));
    const message = compiled.rule.message.replace(/\{([\w.]+)\}/g, (_m, name: string) =>
      formatValue(name in extra ? extra[name] : name.split('.').reduce<unknown>((v, key) => (v as Data | null)?.[key], variables)));
    return { code: compiled.rule.id, message, ...(compiled.rule.path ? { path: compiled.rule.path } : {}) };
  } catch (error) {
    // Never let a broken rule wave a record through: refuse it, saying the rule is at fault.
    onWarning?.(compiled.rule.id, [(error as Error).message]);
    return { code: 'RULE_ERROR', rule: compiled.rule.id,
      message: `填报规则「${compiled.rule.id}」无法判断这条信息（规则本身有误），暂不能保存；请联系上级卫生健康行政部门修正规则。` };
  }
}
