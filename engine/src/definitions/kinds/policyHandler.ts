import type { AccountPolicy } from '../../auth/policy/index.js';
import type { DefinitionProblem } from '../types.js';
import type { KindHandler } from './KindHandler.js';

/** A policy's limits are consistent. */
export const policyHandler: KindHandler = {
  kind: 'policy',
  check(content, _set, problem) {
    const { password } = content as AccountPolicy;
    const problems: DefinitionProblem[] = [];
    if (password.minLength > password.maxLength) {
      problems.push(problem('/password/minLength', `最小长度 ${password.minLength} 大于最大长度 ${password.maxLength}`));
    }
    if (password.requiredClasses.length > password.minLength) {
      problems.push(problem('/password/requiredClasses', '要求的字符种类多于最小长度'));
    }
    return problems;
  },
};
