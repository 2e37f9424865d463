import type { FlowNode, ProcessProblem } from '../model/types.js';
import { problemAt } from './context.js';
import { unsupported } from './unsupported.js';

/** Only none events: a typed event (timer, message, terminate …) is outside the subset. */
const typed = (node: FlowNode, what: string): ProcessProblem[] => node.eventDefinitions.map((definition) =>
  unsupported(node, `带 ${definition} 的事件不受支持，${what}应为空事件`));

export const checkStartEvent = (node: FlowNode): ProcessProblem[] => [
  ...typed(node, '开始事件（流程由用户提交时启动）'),
  ...(node.incoming.length > 0 ? [problemAt(node, '是开始事件，不能有流入的顺序流')] : []),
  ...(node.outgoing.length !== 1 ? [problemAt(node, `是开始事件，应有且只有一条流出顺序流（现有 ${node.outgoing.length} 条）`)] : []),
];

export const checkEndEvent = (node: FlowNode): ProcessProblem[] => [
  ...typed(node, '结束事件'),
  ...(node.outgoing.length > 0 ? [problemAt(node, '是结束事件，不能有流出的顺序流')] : []),
];
