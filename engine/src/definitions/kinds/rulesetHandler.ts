import type { DefinitionProblem } from '../types.js';
import type { KindHandler } from './KindHandler.js';

interface RulesetContent {
  appliesTo: { entity: string };
  rules: Array<{ id: string }>;
  tests?: Array<{ expect: string[] }>;
}

/** The governed entity exists; rule ids are unique; test cases expect only known rule ids. */
export const rulesetHandler: KindHandler = {
  kind: 'ruleset',
  check(content, set, problem) {
    const { appliesTo, rules, tests } = content as unknown as RulesetContent;
    const problems: DefinitionProblem[] = [];
    if (!set.get('entity', appliesTo.entity)) problems.push(problem('/appliesTo/entity', `实体「${appliesTo.entity}」不存在`));
    const ids = new Set<string>();
    rules.forEach((rule, index) => {
      if (ids.has(rule.id)) problems.push(problem(`/rules/${index}/id`, `规则编号「${rule.id}」重复`));
      ids.add(rule.id);
    });
    tests?.forEach((test, index) => test.expect.forEach((id, i) => {
      if (!ids.has(id)) problems.push(problem(`/tests/${index}/expect/${i}`, `规则编号「${id}」不存在`));
    }));
    return problems;
  },
};
