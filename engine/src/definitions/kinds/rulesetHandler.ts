import { CompiledRuleset, RulesetError, type RulesetContent } from '../../rules/index.js';
import type { DefinitionProblem, EntityContent } from '../types.js';
import type { DefinitionSetView, KindHandler, ProblemAt } from './KindHandler.js';

function checkReferences(ruleset: RulesetContent, entity: EntityContent | undefined, problem: ProblemAt): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (!entity) return [problem('/appliesTo/entity', `实体「${ruleset.appliesTo.entity}」不存在`)];
  const fields = Object.keys(entity.schema.properties);
  for (const [name, field] of Object.entries(ruleset.lookups ?? {})) {
    if (!entity.schema.properties[field]?.['x-ref']) problems.push(problem(`/lookups/${name}`, `「${field}」不是实体「${entity.key}」的引用字段`));
  }
  for (const [where, field] of [['by', ruleset.group?.by], ['orderBy', ruleset.group?.orderBy]] as const) {
    if (field && !fields.includes(field)) problems.push(problem(`/group/${where}`, `字段「${field}」没有在实体「${entity.key}」中定义`));
  }
  const clash = Object.keys(ruleset.parameters ?? {}).filter((p) => fields.includes(p) || p in (ruleset.lookups ?? {}));
  for (const name of clash) problems.push(problem(`/parameters/${name}`, `参数名「${name}」与字段或引用变量同名`));
  return problems;
}

function checkIds(ruleset: RulesetContent, problem: ProblemAt): DefinitionProblem[] {
  const ids = new Set<string>();
  const problems: DefinitionProblem[] = [];
  ruleset.rules.forEach((rule, index) => {
    if (ids.has(rule.id)) problems.push(problem(`/rules/${index}/id`, `规则编号「${rule.id}」重复`));
    ids.add(rule.id);
    if (rule.scope === 'group' && !ruleset.group) problems.push(problem(`/rules/${index}/scope`, '组规则需要在规则集上声明 group'));
  });
  ruleset.tests?.forEach((test, index) => test.expect.forEach((id, i) => {
    if (!ids.has(id)) problems.push(problem(`/tests/${index}/expect/${i}`, `规则编号「${id}」不存在`));
  }));
  return problems;
}

/**
 * The governed entity, lookups and group fields exist; rule ids are unique; every FEEL expression
 * parses and uses only known variables; and the rule set's own test cases pass — a rule set whose
 * cases fail is not published.
 */
export const rulesetHandler: KindHandler = {
  kind: 'ruleset',
  check(content, set: DefinitionSetView, problem) {
    const ruleset = content as unknown as RulesetContent;
    const entity = set.get('entity', ruleset.appliesTo.entity) as EntityContent | undefined;
    const problems = [...checkReferences(ruleset, entity, problem), ...checkIds(ruleset, problem)];
    if (problems.length > 0 || !entity) return problems;
    try {
      const compiled = new CompiledRuleset(ruleset, Object.keys(entity.schema.properties));
      return compiled.runTests().map((p) => problem(p.path, p.message));
    } catch (error) {
      if (error instanceof RulesetError) return error.problems.map((p) => problem(p.path, p.message));
      throw error;
    }
  },
};
