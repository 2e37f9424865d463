/**
 * The workflow runtime (issue 6). This step: the definition layer — BPMN 2.0 processes read with
 * bpmn-moddle and our `zj` extension, and judged against the supported subset — and the runtime
 * (`runtime/`): instances, tokens, user tasks and history in relational tables.
 */
import { parseProcess, ProcessParseError } from './model/parseProcess.js';
import type { ProcessModel, ProcessProblem } from './model/types.js';
import type { ProcessValidationContext } from './validate/context.js';
import { validateProcess } from './validate/validateProcess.js';

export { workflowActionNames, workflowActions, type WorkflowActionName } from './actions.js';
export { assigneeLevels, assigneeRoles, conditionVariables, type AssigneeLevel, type AssigneeRole } from './model/assignment.js';
export { parseProcess, ProcessParseError, zjNamespace } from './model/parseProcess.js';
export type { Assignee, FlowNode, OtherElement, ProcessModel, ProcessProblem, SequenceFlow, TaskForm } from './model/types.js';
export type { ProcessValidationContext } from './validate/context.js';
export { validateProcess } from './validate/validateProcess.js';

/** Parses and validates: the model when the process is runnable, else its problems. */
export async function readProcess(xml: string, context: ProcessValidationContext):
  Promise<{ model: ProcessModel; problems: [] } | { model?: ProcessModel; problems: ProcessProblem[] }> {
  let model: ProcessModel;
  try {
    model = await parseProcess(xml);
  } catch (error) {
    if (error instanceof ProcessParseError) return { problems: error.problems };
    throw error;
  }
  const problems = validateProcess(model, context);
  return problems.length > 0 ? { model, problems } : { model, problems: [] };
}

export {
  historyPeople, outcomesAfter, ProcessCatalog, WorkflowRepository, WorkflowService, type ActionContext, type ActionHandler, type CompleteInput,
  type HistoryEvent, type HistoryPerson, type HistoryType, type InstanceDiagram, type InstanceRow, type InstanceStatus, type ProcessVersion, type StartInput, type TaskRow,
  type TaskStatus, type TaskView, type TokenState, type WorkflowServiceDeps,
} from './runtime/index.js';
