export { compileVisibility, hasValue, hiddenFields, VISIBLE_WHEN, VisibilityProblem, visibilitySources, type VisibilityCondition } from './visibleWhen.js';
export { describeCondition, type ConditionWords } from './describeCondition.js';
