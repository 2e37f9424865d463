import type { Knex } from 'knex';
import type { Actor } from '../../access/index.js';
import type { ProcessModel } from '../model/types.js';
import type { ActionRegistry } from './ActionRegistry.js';
import type { WorkflowRepository } from './WorkflowRepository.js';
import type { InstanceRow, TokenRow } from './types.js';

/** Everything one step of an instance works with; every write goes through `trx`. */
export interface Step {
  trx: Knex.Transaction;
  repository: WorkflowRepository;
  actions: ActionRegistry;
  model: ProcessModel;
  instance: InstanceRow;
  actor: Actor;
  now: string;
  /** The completion that triggered the step (null at start). */
  outcome: string | null;
  comment: string | null;
  /** The condition variables, built on first use. */
  variables?: Record<string, unknown>;
}

/** A token that has just arrived at `token.nodeId` by `token.flowId`. */
export type Arrival = TokenRow;
