/**
 * Rule sets in FEEL (issue 4): pure TypeScript + feelin, so the browser judges a form with exactly
 * the code the server runs (`import { CompiledRuleset } from '@zjrj/engine/rules'`).
 */
export { CompiledRuleset, RulesetError } from './CompiledRuleset.js';
export { compileExpression, freeVariables, type CompiledExpression } from './feel.js';
export { runRulesetTests } from './rulesetTests.js';
export { addDays, addMonths, daysBetween, earliest, feelHelpers, latest, monthsAndDays } from './helpers.js';
export type { Rule, RuleChannel, RuleParameter, RulesetContent, RulesetProblem, RuleTest, RuleTestInput, RuleViolation } from './types.js';
export { compileVisibility, describeCondition, hasValue, hiddenFields, VISIBLE_WHEN, VisibilityProblem, visibilitySources,
  type ConditionWords, type VisibilityCondition } from './visibility/index.js';
