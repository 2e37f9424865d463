import type { FlowNode, ProcessModel, ProcessProblem } from '../model/types.js';

/** What a process is validated against: the actions the runtime registered, the condition variables, references. */
export interface ProcessValidationContext {
  /** Names service tasks may use (`zj:action`). */
  actions: Iterable<string>;
  /** Variables sequence-flow conditions may read (default: `conditionVariables`). */
  conditionVariables?: readonly string[];
  /** Whether a definition of that kind and key exists (checks `zj:form entity/document`); skipped when absent. */
  exists?: (kind: 'entity' | 'document', key: string) => boolean;
}

/** The context as the checks use it. */
export interface CheckContext {
  model: ProcessModel;
  actions: ReadonlySet<string>;
  variables: readonly string[];
  exists?: ProcessValidationContext['exists'];
}

/** `元素「Task_1」（bpmn:UserTask）`: how every message names an element. */
export const label = (element: { id: string; type: string }): string => `元素「${element.id || '（无编号）'}」（${element.type}）`;

export const problemAt = (node: { id: string; type: string }, message: string): ProcessProblem =>
  ({ elementId: node.id, message: `${label(node)}${message}` });

export type NodeCheck = (node: FlowNode, context: CheckContext) => ProcessProblem[];
