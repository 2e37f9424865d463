import type { Knex } from 'knex';
import type { Actor } from '../../access/index.js';
import type { TaskForm } from '../model/types.js';

export type InstanceStatus = 'running' | 'completed' | 'withdrawn';
export type TaskStatus = 'open' | 'done' | 'cancelled';
export type TokenState = 'waiting' | 'joining' | 'ended';
export type HistoryType = 'started' | 'taskCreated' | 'taskCompleted' | 'serviceRan' | 'ended' | 'withdrawn';

export interface InstanceRow {
  id: string;
  processKey: string;
  processVersion: number;
  businessKey: string | null;
  orgId: string;
  initiatorId: string;
  initiatorIsMain: boolean;
  status: InstanceStatus;
  data: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  endedAt: string | null;
}

export interface TaskRow {
  id: string;
  instanceId: string;
  tokenId: string;
  nodeId: string;
  name: string;
  assigneeRole: string;
  assigneeLevel: string | null;
  assigneePermission: string | null;
  assigneeOrgId: string | null;
  status: TaskStatus;
  outcome: string | null;
  comment: string | null;
  completedBy: string | null;
  completedAt: string | null;
  createdAt: string;
}

export interface TokenRow {
  id: string;
  instanceId: string;
  nodeId: string;
  flowId: string | null;
  state: TokenState;
}

export interface HistoryEvent {
  at: string;
  type: HistoryType;
  nodeId: string | null;
  taskId: string | null;
  accountId: string | null;
  outcome: string | null;
  comment: string | null;
}

/** What a service task's action sees. Handlers must be idempotent and write only through `trx`. */
export interface ActionContext {
  trx: Knex.Transaction;
  instance: InstanceRow;
  /** The account whose step ran the action (the approver, or the initiator at start). */
  actor: Actor;
  nodeId: string;
  now: string;
  /** The comment of the task completion that ran the step (null at start), e.g. a return reason. */
  comment: string | null;
}

export type ActionHandler = (context: ActionContext) => Promise<void>;

/** A task as the API shows it (API.md "Approvals"). */
export interface TaskView {
  id: string;
  instanceId: string;
  processKey: string;
  nodeId: string;
  name: string;
  businessKey: string | null;
  status: TaskStatus;
  createdAt: string;
  data: Record<string, unknown>;
  /** Outcomes the next gateway's conditions name (`outcome = "approve"`), for the buttons. */
  outcomes: string[];
  /** What the task shows (`zj:form`): the runtime-UI view that renders it, and the entity or document it concerns. */
  form: TaskForm | null;
  outcome?: string | null;
  comment?: string | null;
  completedAt?: string | null;
}

export interface CompleteInput {
  outcome: string;
  comment?: string | null;
  data?: Record<string, unknown>;
}

export interface StartInput {
  businessKey?: string;
  data?: Record<string, unknown>;
}
