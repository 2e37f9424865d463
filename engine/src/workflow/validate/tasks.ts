import { assigneeDataField, assigneeLevels, assigneeRoles } from '../model/assignment.js';
import type { FlowNode, ProcessProblem } from '../model/types.js';
import { problemAt, type CheckContext } from './context.js';

const names = (values: object): string => Object.keys(values).join('、');

/** `org="data:<field>"` names the organisation by an instance data field, instead of a `level`. */
function orgProblems(assignee: NonNullable<FlowNode['assignee']>): string[] {
  const problems: string[] = [];
  if (assignee.level !== undefined) problems.push('level 与 org 只能写一个：level 相对发起人所在机构，org 取流程数据中的机构');
  if (assigneeDataField(assignee) === undefined) {
    problems.push(`处理机构 org「${assignee.org}」无效，应写成 data:字段名（如 data:releasingOrgId，字段在发起流程时写入机构编号）`);
  }
  return problems;
}

function checkAssignee(node: FlowNode): ProcessProblem[] {
  const assignee = node.assignee;
  if (!assignee) {
    return [problemAt(node, '没有指定处理人：请在扩展元素中加入 <zj:assignee role="main" level="parent"/> 之类的声明')];
  }
  const problems: string[] = [];
  if (!(assignee.role in assigneeRoles)) problems.push(`处理人角色「${assignee.role}」无效，应为 ${names(assigneeRoles)} 之一`);
  if (assignee.role === 'initiator') {
    if (assignee.level !== undefined || assignee.org !== undefined) problems.push('处理人为发起人本人（role="initiator"）时不能再写 level 或 org');
  } else if (assignee.org !== undefined) {
    problems.push(...orgProblems(assignee));
  } else if (assignee.level === undefined) {
    problems.push(`没有写处理人所在层级 level（${names(assigneeLevels)}）`);
  } else if (!(assignee.level in assigneeLevels)) {
    problems.push(`处理人层级「${assignee.level}」无效，应为 ${names(assigneeLevels)} 之一`);
  }
  if (assignee.role === 'reviewer' && !assignee.permission) problems.push('role="reviewer" 需要写 permission（审核人应拥有的权限）');
  if (assignee.role !== 'reviewer' && assignee.permission !== undefined) problems.push('只有 role="reviewer" 才能写 permission');
  return problems.map((message) => problemAt(node, message));
}

function checkForm(node: FlowNode, context: CheckContext): ProcessProblem[] {
  const form = node.form;
  if (!form) return [];
  if (!form.view && !form.entity && !form.document) return [problemAt(node, '的 zj:form 至少要写 view、entity 或 document 之一')];
  const missing = (['entity', 'document'] as const).filter((kind) => form[kind] && context.exists && !context.exists(kind, form[kind]));
  return missing.map((kind) => problemAt(node, `的 zj:form 引用的${kind === 'entity' ? '实体' : '文书'}「${form[kind]}」不存在`));
}

function checkSequential(node: FlowNode): ProcessProblem[] {
  const problems: ProcessProblem[] = [];
  if (node.loop) problems.push(problemAt(node, `不受支持：不支持多实例或循环任务（${node.loop}）；会签请用并行网关画出各个任务`));
  if (node.outgoing.length > 1) problems.push(problemAt(node, `有 ${node.outgoing.length} 条流出顺序流：任务只能有一条，分支请用网关`));
  return problems;
}

export const checkUserTask = (node: FlowNode, context: CheckContext): ProcessProblem[] =>
  [...checkSequential(node), ...checkAssignee(node), ...checkForm(node, context)];

export function checkServiceTask(node: FlowNode, context: CheckContext): ProcessProblem[] {
  const problems = checkSequential(node);
  if (!node.action) problems.push(problemAt(node, '没有指定引擎动作：请在扩展元素中加入 <zj:action name="…"/>'));
  else if (!context.actions.has(node.action)) {
    problems.push(problemAt(node, `的引擎动作「${node.action}」未注册，可用的动作：${[...context.actions].join('、') || '（无）'}`));
  }
  return problems;
}
