import type { FlowNode, ProcessModel, ProcessProblem } from '../model/types.js';
import { problemAt } from './context.js';

function walk(model: ProcessModel, from: FlowNode[], next: (node: FlowNode) => string[]): Set<string> {
  const seen = new Set(from.map((n) => n.id));
  const queue = [...from];
  for (let node = queue.shift(); node; node = queue.shift()) {
    for (const id of next(node)) {
      const neighbour = model.nodes[id];
      if (neighbour && !seen.has(id)) {
        seen.add(id);
        queue.push(neighbour);
      }
    }
  }
  return seen;
}

/**
 * Exactly one none start event, at least one end event; every node reachable from the start and
 * able to reach an end (no unreachable step, no dead end).
 */
export function checkStructure(model: ProcessModel): ProcessProblem[] {
  const nodes = Object.values(model.nodes);
  const starts = nodes.filter((n) => n.type === 'bpmn:StartEvent');
  const ends = nodes.filter((n) => n.type === 'bpmn:EndEvent');
  const problems: ProcessProblem[] = [];
  if (starts.length !== 1) {
    problems.push({ message: `流程应有且只有一个开始事件（现有 ${starts.length} 个${starts.length ? `：${starts.map((s) => s.id).join('、')}` : ''}）` });
  }
  if (ends.length === 0) problems.push({ message: '流程没有结束事件：请至少加一个结束事件' });
  for (const node of nodes.filter((n) => !n.id)) problems.push(problemAt(node, '没有编号（id）'));
  if (starts.length !== 1 || ends.length === 0) return problems;
  const target = (flowId: string) => model.flows[flowId]?.target ?? '';
  const source = (flowId: string) => model.flows[flowId]?.source ?? '';
  const reached = walk(model, starts, (n) => n.outgoing.map(target));
  const finishing = walk(model, ends, (n) => n.incoming.map(source));
  for (const node of nodes) {
    if (!reached.has(node.id)) problems.push(problemAt(node, '从开始事件无法到达：请用顺序流把它接入流程，或删除它'));
    else if (!finishing.has(node.id)) problems.push(problemAt(node, '无法到达任何结束事件（流程会停在这里）：请补上通往结束事件的顺序流'));
  }
  return problems;
}
