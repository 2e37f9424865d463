import type { FlowNode, ProcessProblem } from '../model/types.js';
import { problemAt, type CheckContext } from './context.js';

/** A gateway splits (one in, several out) or joins (several in, one out); anything else is wrong. */
function checkCounts(node: FlowNode, allowMixed: boolean): ProcessProblem[] {
  const ins = node.incoming.length;
  const outs = node.outgoing.length;
  if (ins === 0 || outs === 0) return [problemAt(node, `是网关，至少要有一条流入和一条流出的顺序流（现有流入 ${ins} 条、流出 ${outs} 条）`)];
  if (ins === 1 && outs === 1) return [problemAt(node, '只有一条流入和一条流出的顺序流，网关没有作用：请删除它，或增加分支')];
  if (!allowMixed && ins > 1 && outs > 1) return [problemAt(node, '既汇合又分支：请拆成一个汇合网关和一个分支网关')];
  return [];
}

export function checkExclusiveGateway(node: FlowNode, { model }: CheckContext): ProcessProblem[] {
  const problems = checkCounts(node, true);
  if (node.defaultFlow && !node.outgoing.includes(node.defaultFlow)) {
    problems.push(problemAt(node, `的默认顺序流「${node.defaultFlow}」不是它的流出顺序流`));
  }
  if (node.outgoing.length < 2) return problems;
  const bare = node.outgoing.filter((id) => !model.flows[id]?.condition);
  if (bare.length > 1) {
    problems.push(problemAt(node, `有 ${bare.length} 条流出顺序流没有条件（${bare.join('、')}）：最多一条可以没有条件，且须设为默认顺序流`));
  } else if (bare.length === 1 && bare[0] !== node.defaultFlow) {
    problems.push(problemAt(node, `的流出顺序流「${bare[0]}」没有条件：请给它加上条件，或把它设为网关的默认顺序流`));
  }
  if (node.defaultFlow && model.flows[node.defaultFlow]?.condition) {
    problems.push(problemAt(node, `的默认顺序流「${node.defaultFlow}」不应有条件：其他条件都不满足时才走默认顺序流`));
  }
  return problems;
}

export function checkParallelGateway(node: FlowNode): ProcessProblem[] {
  const problems = checkCounts(node, false);
  if (node.defaultFlow) problems.push(problemAt(node, '是并行网关，不能有默认顺序流'));
  return problems;
}
