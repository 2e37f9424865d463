import type { OtherElement, ProcessProblem } from '../model/types.js';
import { problemAt } from './context.js';

const SUBSET = '流程只支持开始事件、结束事件、用户任务、服务任务、排他网关、并行网关和顺序流';

/** Why an element type is outside the supported subset, and what to use instead. */
const reasons: Record<string, string> = {
  'bpmn:ScriptTask': '引擎不执行脚本；请改用服务任务，并用 zj:action 指定已注册的引擎动作',
  'bpmn:BusinessRuleTask': '规则请写在填报规则（ruleset）中；流程里请改用服务任务',
  'bpmn:Task': '请指明任务类型：由人处理的用用户任务，由引擎执行的用服务任务',
  'bpmn:ManualTask': '线下任务无法跟踪；请改用用户任务',
  'bpmn:SendTask': '不支持发送消息；请改用服务任务',
  'bpmn:ReceiveTask': '不支持等待消息；请改用用户任务',
  'bpmn:SubProcess': '不支持子流程；请把其中的步骤直接画在流程中',
  'bpmn:AdHocSubProcess': '不支持子流程；请把其中的步骤直接画在流程中',
  'bpmn:Transaction': '不支持事务子流程；请把其中的步骤直接画在流程中',
  'bpmn:CallActivity': '不支持调用其他流程',
  'bpmn:BoundaryEvent': '不支持边界事件（超时、错误、消息等）',
  'bpmn:IntermediateCatchEvent': '不支持中间事件（定时、消息、信号等）',
  'bpmn:IntermediateThrowEvent': '不支持中间事件（定时、消息、信号等）',
  'bpmn:InclusiveGateway': '不支持包容网关；请改用排他网关或并行网关',
  'bpmn:EventBasedGateway': '不支持事件网关；请改用排他网关',
  'bpmn:ComplexGateway': '不支持复杂网关；请改用排他网关或并行网关',
  'bpmn:DataObject': '不支持数据对象；流程数据由引擎保存',
  'bpmn:DataObjectReference': '不支持数据对象；流程数据由引擎保存',
  'bpmn:DataStoreReference': '不支持数据存储；流程数据由引擎保存',
  'bpmn:MessageFlow': '不支持消息流（多个参与者之间的消息）',
  'bpmn:Message': '不支持消息',
  'bpmn:Signal': '不支持信号',
  'bpmn:Error': '不支持错误事件',
  'bpmn:Escalation': '不支持升级事件',
};

const notes: Record<string, string> = {
  emptyPool: '泳池没有关联流程；一个定义只能包含一个流程',
};

export const unsupportedReason = (type: string): string => reasons[type] ?? SUBSET;

/** `元素「Task_1」（bpmn:ScriptTask）不受支持：…` */
export const unsupported = (element: { id: string; type: string }, why = unsupportedReason(element.type)): ProcessProblem =>
  problemAt(element, `不受支持：${why}`);

export const checkOthers = (others: OtherElement[]): ProcessProblem[] =>
  others.map((other) => unsupported(other, other.note ? notes[other.note] : undefined));
