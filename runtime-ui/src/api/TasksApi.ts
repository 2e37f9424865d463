import type { HistoryEvent, HistoryPerson, HistoryType, InstanceDiagram, InstanceRow, TaskStatus, TaskView } from '@zjrj/engine/contract';
import type { HttpClient } from './HttpClient';

export type Task = TaskView;
export type TaskState = Extract<TaskStatus, 'open' | 'done'>;
export type WorkflowEvent = HistoryEvent;
export type WorkflowEventType = HistoryType;
export type WorkflowInstance = InstanceRow;
export type { HistoryPerson, InstanceDiagram };

export interface TaskPage { items: Task[]; total: number }
export interface TaskCompletion {
  outcome: string;
  comment: string;
  /** Fields the approver corrected, merged into the instance's data. */
  data?: Record<string, unknown>;
}
/** The events, oldest first, with the nickname and organisation of each account in them. */
export interface InstanceHistory { instance: WorkflowInstance; events: WorkflowEvent[]; people?: Record<string, HistoryPerson> }

const segment = (value: string): string => encodeURIComponent(value);

/**
 * Approvals (API.md "Approvals"): the tasks this account may act on (open) or acted on (done),
 * completing one (409 when someone else was first, 422 when no flow accepts the outcome), the
 * history of an instance and its withdrawal by the initiator.
 */
export class TasksApi {
  constructor(private readonly http: HttpClient) {}

  list(state: TaskState = 'open'): Promise<TaskPage> {
    return this.http.get('/api/tasks', { state });
  }

  async complete(id: string, completion: TaskCompletion): Promise<Task> {
    return (await this.http.post<{ task: Task }>(`/api/tasks/${segment(id)}/complete`, completion)).task;
  }

  history(instanceId: string): Promise<InstanceHistory> {
    return this.http.get(`/api/workflow/instances/${segment(instanceId)}/history`);
  }

  /** The BPMN of the instance's process version, the nodes where it stands and those it passed. */
  diagram(instanceId: string): Promise<InstanceDiagram> {
    return this.http.get(`/api/workflow/instances/${segment(instanceId)}/diagram`);
  }

  async withdraw(instanceId: string): Promise<WorkflowInstance> {
    return (await this.http.post<{ instance: WorkflowInstance }>(`/api/workflow/instances/${segment(instanceId)}/withdraw`)).instance;
  }
}
