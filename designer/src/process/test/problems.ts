import type { DefinitionProblem } from '@zjrj/engine/contract';

/** Problems as the engine words them: two naming the element Task_1, one about the whole process. */
export const sampleProblems: DefinitionProblem[] = [
  { path: '/bpmn', message: '元素「Task_1」（bpmn:UserTask）没有指定处理人' },
  { path: '/bpmn', message: '元素「Task_1」（bpmn:UserTask）的 zj:form 至少要写 view、entity 或 document 之一' },
  { path: '/bpmn', message: '流程没有结束事件：请至少加一个结束事件' },
];
