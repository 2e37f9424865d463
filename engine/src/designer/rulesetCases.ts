import type { RulesetTestRun } from '../contract/index.js';
import type { DefinitionRegistry } from '../definitions/index.js';
import { BadRequestError, ValidationError } from '../errors/index.js';
import { CompiledRuleset, RulesetError, type RulesetContent } from '../rules/index.js';
import { runRulesetTests } from '../rules/rulesetTests.js';

/**
 * A draft rule set compiled against the entity it governs (the version in force): 400 when it is not
 * a rule set of a known entity, 422 with each broken expression's position when it does not compile.
 */
export function compileDraftRuleset(content: Record<string, unknown>, registry: DefinitionRegistry): CompiledRuleset {
  const ruleset = content as unknown as RulesetContent;
  const entityKey = ruleset.appliesTo?.entity;
  const entity = typeof entityKey === 'string' ? registry.entity(entityKey) : undefined;
  if (ruleset.kind !== 'ruleset' || !entity || !Array.isArray(ruleset.rules)) {
    throw new BadRequestError('请提交一个填报规则（kind 为 ruleset），其 appliesTo.entity 应为已发布的实体，rules 为规则列表。', 'BAD_REQUEST', '/content/appliesTo/entity');
  }
  try {
    return new CompiledRuleset(ruleset, entity.schema.fields.map((f) => f.name));
  } catch (error) {
    if (error instanceof RulesetError) throw new ValidationError(error.problems.map((p) => ({ code: 'DEFINITION', ...p })));
    throw error;
  }
}

/** The rule set's own test cases, each with what it expected and what the rules gave (the same checks as publishing). */
export function runRulesetCases(content: Record<string, unknown>, registry: DefinitionRegistry): RulesetTestRun {
  const compiled = compileDraftRuleset(content, registry);
  const tests = Array.isArray(compiled.content.tests) ? compiled.content.tests : [];
  const judge: Parameters<typeof runRulesetTests>[1] = (input, onWarning, options) => compiled.judge(input, onWarning, options);
  const cases = tests.map((test) => {
    const actual = compiled.judge(test.input, undefined, { interpret: true }).map((v) => v.code).sort();
    const problems = runRulesetTests([test], judge);
    const expected = [...(test.expect ?? [])].sort();
    return { name: test.name, passed: problems.length === 0, expected, actual,
      ...(problems.length ? { message: problems.map((p) => p.message).join('；') } : {}) };
  });
  const passed = cases.filter((c) => c.passed).length;
  return { cases, passed, failed: cases.length - passed };
}
