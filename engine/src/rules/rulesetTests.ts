import type { OnWarning, RunOptions } from './compiledRule.js';
import type { RulesetProblem, RuleTest, RuleTestInput, RuleViolation } from './types.js';

type Judge = (input: RuleTestInput, onWarning?: OnWarning, options?: RunOptions) => RuleViolation[];
const codes = (violations: RuleViolation[]) => violations.map((v) => v.code).sort();

/**
 * A rule set's own test cases: each failing case names what it expected and what it got. Every
 * case runs twice — translated to JavaScript and interpreted by feelin — and any disagreement in
 * verdicts or messages blocks the rule set, so the translation can never change a verdict unseen.
 */
export function runRulesetTests(tests: RuleTest[], judge: Judge): RulesetProblem[] {
  return tests.flatMap((test, index) => {
    const path = `/tests/${index}`;
    const warnings: string[] = [];
    const interpreted = judge(test.input, (id, w) => warnings.push(`${id}: ${w.join('；')}`), { interpret: true });
    const translated = judge(test.input);
    const [got, expected] = [codes(interpreted), [...test.expect].sort()];
    const problems: RulesetProblem[] = [];
    if (got.join() !== expected.join()) {
      problems.push({ path, message: `测试「${test.name}」未通过：预期违反 [${expected.join(', ')}]，实际违反 [${got.join(', ')}]` });
    }
    if (JSON.stringify(translated) !== JSON.stringify(interpreted)) {
      problems.push({ path, message: `测试「${test.name}」：规则的快速求值结果与 FEEL 解释结果不一致，请把此规则集报告给系统开发人员` });
    }
    if (warnings.length) problems.push({ path, message: `测试「${test.name}」的求值有警告：${warnings.join('；')}` });
    return problems;
  });
}
