export { WorkflowService, type WorkflowServiceDeps } from './WorkflowService.js';
export { WorkflowRepository } from './WorkflowRepository.js';
export { ProcessCatalog, type ProcessVersion } from './ProcessCatalog.js';
export { outcomesAfter } from './TaskViews.js';
export { historyPeople, type HistoryPerson, type InstanceDiagram } from './InstanceDiagrams.js';
export type {
  ActionContext, ActionHandler, CompleteInput, HistoryEvent, HistoryType, InstanceRow, InstanceStatus, StartInput, TaskRow,
  TaskStatus, TaskView, TokenState,
} from './types.js';
