import { conditionVariables } from '../model/assignment.js';
import type { FlowNode, ProcessModel, ProcessProblem } from '../model/types.js';
import { checkCondition } from './conditions.js';
import { problemAt, type CheckContext, type NodeCheck, type ProcessValidationContext } from './context.js';
import { checkEndEvent, checkStartEvent } from './events.js';
import { checkExclusiveGateway, checkParallelGateway } from './gateways.js';
import { checkStructure } from './structure.js';
import { checkServiceTask, checkUserTask } from './tasks.js';
import { checkOthers, unsupported } from './unsupported.js';

/** The supported subset: each flow node type with its checks and the extension elements it reads. */
const nodeRules: Record<string, { check: NodeCheck; extensions: string[] }> = {
  'bpmn:StartEvent': { check: checkStartEvent, extensions: [] },
  'bpmn:EndEvent': { check: checkEndEvent, extensions: [] },
  'bpmn:UserTask': { check: checkUserTask, extensions: ['zj:Assignee', 'zj:Form'] },
  'bpmn:ServiceTask': { check: checkServiceTask, extensions: ['zj:Action'] },
  'bpmn:ExclusiveGateway': { check: checkExclusiveGateway, extensions: [] },
  'bpmn:ParallelGateway': { check: checkParallelGateway, extensions: [] },
};

/** Extension elements the node's type does not read would be silently ignored: refuse them. */
function checkExtensions(node: FlowNode, allowed: string[]): ProcessProblem[] {
  return node.extensions.filter((type) => !allowed.includes(type)).map((type) => {
    const usedBy = Object.keys(nodeRules).filter((t) => nodeRules[t]!.extensions.includes(type));
    return problemAt(node, `的扩展元素 ${type} 不起作用：${usedBy.length ? `它只能用在 ${usedBy.join('、')} 上` : '引擎只读取 zj 命名空间中的扩展元素'}`);
  });
}

function checkNode(node: FlowNode, context: CheckContext): ProcessProblem[] {
  const rule = nodeRules[node.type];
  if (!rule) return [unsupported(node)];
  return [...rule.check(node, context), ...checkExtensions(node, rule.extensions)];
}

function checkProcessCount(model: ProcessModel): ProcessProblem[] {
  if (model.processIds.length === 0) return [{ message: '文件中没有流程（bpmn:process）' }];
  if (model.processIds.length > 1) {
    return [{ message: `一个定义只能包含一个流程，文件中有 ${model.processIds.length} 个：${model.processIds.join('、')}` }];
  }
  return [];
}

/**
 * Judges a parsed process against the supported subset: element types, the `zj` extension, FEEL
 * conditions and the structure. Problems are data, in Chinese, naming the element; none means the
 * executor can run the model.
 */
export function validateProcess(model: ProcessModel, context: ProcessValidationContext): ProcessProblem[] {
  const check: CheckContext = { model, actions: new Set(context.actions),
    variables: context.conditionVariables ?? conditionVariables, exists: context.exists };
  const problems = [...model.readProblems, ...checkProcessCount(model), ...checkOthers(model.others)];
  if (model.processIds.length === 0) return problems;
  for (const node of Object.values(model.nodes)) problems.push(...checkNode(node, check));
  // Flows leaving a refused element are not judged again (an inclusive gateway's conditions, say).
  const judged = Object.values(model.flows).filter((flow) => !model.nodes[flow.source] || nodeRules[model.nodes[flow.source]!.type]);
  for (const flow of judged) problems.push(...checkCondition(flow, check));
  return [...problems, ...checkStructure(model)];
}
