import type { FeelVariable } from '@bpmn-io/feel-editor';
import { freeVariables } from '@zjrj/engine/rules';
import { conditionVariables } from '@zjrj/engine/workflow';

/** What each condition variable holds (docs/definitions.md, `process`), offered while typing. */
const variableInfo: Record<(typeof conditionVariables)[number], string> = {
  outcome: '上一个用户任务的处理结果，如 "approve"（同意）、"reject"（不同意）、"sendBack"（退回）',
  comment: '处理时填写的意见',
  initiator: '发起人：initiator.isMain（是否主账号）、initiator.orgLevel（province、city、district、institution）',
  data: '流程数据，如 data.examYear',
};

export const conditionFeelVariables: FeelVariable[] = conditionVariables.map((name) => ({ name, info: variableInfo[name] }));

/**
 * Variables a flow condition may not read, checked as it is typed (the FEEL editor shows syntax
 * errors; the server's validation judges the whole process again).
 */
export function unknownVariablesProblem(body: string): string | undefined {
  let unknown: string[];
  try {
    unknown = freeVariables(body).map((v) => v.name).filter((name) => !(conditionVariables as readonly string[]).includes(name));
  } catch {
    return undefined;
  }
  if (unknown.length === 0) return undefined;
  return `未知的变量「${[...new Set(unknown)].join('」「')}」，可用的变量：${conditionVariables.join('、')}`;
}
