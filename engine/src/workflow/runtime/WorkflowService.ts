import type { Actor } from '../../access/index.js';
import { isoNow, type Clock } from '../../clock/index.js';
import type { Database } from '../../db/index.js';
import type { DefinitionRegistry, DefinitionRepository } from '../../definitions/index.js';
import { newId } from '../../ids/index.js';
import type { FieldCipher } from '../../privacy/index.js';
import { ActionRegistry } from './ActionRegistry.js';
import { accountIsMain, assignmentDataFields, isAssignee, isSelfApproval } from './assignment.js';
import { historyPeople, instanceDiagram, type HistoryPerson, type InstanceDiagram } from './InstanceDiagrams.js';
import { readCompleteInput, readStartInput } from './input.js';
import { workflowErrors } from './messages.js';
import { leave } from './nodeHandlers.js';
import { ProcessCatalog } from './ProcessCatalog.js';
import { runStep } from './runStep.js';
import type { Step } from './Step.js';
import { TaskViews } from './TaskViews.js';
import type { ActionHandler, HistoryEvent, InstanceRow, TaskRow, TaskStatus, TaskView } from './types.js';
import { WorkflowRepository } from './WorkflowRepository.js';

export interface WorkflowServiceDeps {
  db: Database;
  registry: DefinitionRegistry;
  definitions: DefinitionRepository;
  clock: Clock;
  cipher: FieldCipher;
}

/**
 * Runs BPMN processes over relational state. Each call is one step in one transaction: the
 * instance (or task) is claimed by a conditional write, tokens move to their next wait states,
 * service actions run, history is written — all of it commits, or none of it.
 */
export class WorkflowService {
  readonly repository: WorkflowRepository;
  readonly catalog: ProcessCatalog;
  private readonly actions = new ActionRegistry();
  private readonly views: TaskViews;

  constructor(private readonly deps: WorkflowServiceDeps) {
    this.repository = new WorkflowRepository(deps.db, deps.cipher);
    this.catalog = new ProcessCatalog(deps);
    this.views = new TaskViews(this.catalog);
  }

  /** Registers the idempotent handler of a service-task action (`<zj:action name="…"/>`). */
  registerAction(name: string, handler: ActionHandler): void {
    this.actions.register(name, handler);
  }

  /** Starts an instance on the version in force and runs it to its first wait states. */
  async start(actor: Actor, processKey: string, input: unknown = {}): Promise<InstanceRow> {
    const { businessKey, data } = readStartInput(input);
    const process = await this.catalog.current(processKey);
    const now = isoNow(this.deps.clock);
    return this.deps.db.knex.transaction(async (trx) => {
      const instance: InstanceRow = {
        id: newId(), processKey, processVersion: process.version, businessKey: businessKey ?? null, orgId: actor.orgId,
        initiatorId: actor.accountId, initiatorIsMain: await accountIsMain(trx, actor.accountId), status: 'running',
        data: data ?? {}, createdAt: now, updatedAt: now, endedAt: null,
      };
      await this.repository.insertInstance(trx, instance);
      await this.repository.addHistory(trx, instance.id, 'started', now, { accountId: actor.accountId });
      const starts = Object.values(process.model.nodes).filter((n) => n.type === 'bpmn:StartEvent');
      const tokens = [];
      for (const node of starts) tokens.push(await this.repository.insertToken(trx, instance.id, node.id, null, 'waiting', now));
      await runStep(this.step(trx, process.model, instance, actor, now, null, null), tokens);
      return instance;
    });
  }

  /**
   * Completes a task: the conditional claim inside the step's transaction is the only gate, so of
   * concurrent completions one wins and the others get 409.
   */
  async complete(actor: Actor, taskId: string, input: unknown): Promise<TaskView> {
    const { task, instance } = await this.visibleTask(actor, taskId);
    if (isSelfApproval(actor, task, instance)) throw workflowErrors.selfApproval();
    const { outcome, comment, data } = readCompleteInput(input);
    const process = await this.catalog.version(instance.processKey, instance.processVersion);
    const decisive = [...assignmentDataFields(process.model)].find((field) => data && field in data);
    if (decisive !== undefined) throw workflowErrors.assignmentData(decisive);
    const now = isoNow(this.deps.clock);
    const after = await this.deps.db.knex.transaction(async (trx) => {
      // Lock the instance first: steps of one instance and its withdrawal run one after another.
      if (!await this.repository.lockRunning(trx, instance.id, now)) throw workflowErrors.instanceNotRunning();
      if (!await this.repository.claimTask(trx, task.id, { outcome, comment, by: actor.accountId, at: now })) throw workflowErrors.taskDone();
      const current = (await this.repository.getInstance(instance.id, trx))!;
      if (data) current.data = { ...current.data, ...data };
      await this.repository.addHistory(trx, instance.id, 'taskCompleted', now,
        { nodeId: task.nodeId, taskId: task.id, accountId: actor.accountId, outcome, comment });
      const step = this.step(trx, process.model, current, actor, now, outcome, comment);
      const token = { id: task.tokenId, instanceId: instance.id, nodeId: task.nodeId, flowId: null, state: 'waiting' as const };
      await runStep(step, await leave(step, token, process.model.nodes[task.nodeId]?.outgoing ?? []));
      return step.instance;
    });
    // The step held the instance's lock and wrote both rows as they stand here: no need to read them back.
    const done: TaskRow = { ...task, status: 'done', outcome, comment, completedBy: actor.accountId, completedAt: now };
    return this.views.view(done, after);
  }

  /** The initiator withdraws while nobody else has acted: open tasks are cancelled. */
  async withdraw(actor: Actor, instanceId: string): Promise<InstanceRow> {
    const instance = await this.repository.getInstance(instanceId);
    if (!instance || instance.initiatorId !== actor.accountId) throw workflowErrors.instanceNotFound();
    const now = isoNow(this.deps.clock);
    await this.deps.db.knex.transaction(async (trx) => {
      if (!await this.repository.lockRunning(trx, instanceId, now, 'withdrawn')) throw workflowErrors.instanceNotRunning();
      const tasks = await this.repository.tasksOf(instanceId, trx);
      if (tasks.some((t) => t.status === 'done' && t.completedBy !== actor.accountId)) throw workflowErrors.cannotWithdraw();
      await this.repository.cancelOpenTasks(trx, instanceId);
      await this.repository.endTokens(trx, instanceId);
      await this.repository.addHistory(trx, instanceId, 'withdrawn', now, { accountId: actor.accountId });
    });
    return (await this.repository.getInstance(instanceId))!;
  }

  /**
   * The events of an instance, with the nickname and organisation of each account in them, for its
   * initiator and the assignees of its tasks.
   */
  async history(actor: Actor, instanceId: string):
    Promise<{ instance: InstanceRow; events: HistoryEvent[]; people: Record<string, HistoryPerson> }> {
    const { instance } = await this.visibleInstance(actor, instanceId);
    const events = await this.repository.history(instanceId);
    return { instance, events, people: await historyPeople(this.deps.db.knex, events) };
  }

  /** The instance's process version as BPMN with the nodes where it stands and those it passed; visible as its history. */
  async diagram(actor: Actor, instanceId: string): Promise<InstanceDiagram> {
    const { instance, tasks } = await this.visibleInstance(actor, instanceId);
    const process = await this.catalog.version(instance.processKey, instance.processVersion);
    return instanceDiagram(process, instance, await this.repository.history(instanceId), tasks);
  }

  /** The tasks this account may act on (open) or that its assignment covered (done). */
  async tasks(actor: Actor, state: TaskStatus = 'open'): Promise<{ items: TaskView[]; total: number }> {
    const who = { actor, isMain: await accountIsMain(this.deps.db.reader, actor.accountId) };
    const candidates = await this.repository.candidateTasks({ status: state, orgId: actor.orgId, accountId: actor.accountId });
    const mine = candidates.filter(({ task, instance }) => isAssignee(who, task, instance)
      && (state !== 'open' || !isSelfApproval(actor, task, instance)));
    const items = await Promise.all(mine.map(({ task, instance }) => this.views.view(task, instance)));
    return { items, total: items.length };
  }

  /** An instance its initiator or an assignee of one of its tasks may see; any other is 404. */
  private async visibleInstance(actor: Actor, instanceId: string): Promise<{ instance: InstanceRow; tasks: TaskRow[] }> {
    const instance = await this.repository.getInstance(instanceId);
    if (!instance) throw workflowErrors.instanceNotFound();
    const tasks = await this.repository.tasksOf(instanceId);
    if (instance.initiatorId !== actor.accountId) {
      const who = { actor, isMain: await accountIsMain(this.deps.db.knex, actor.accountId) };
      if (!tasks.some((t) => isAssignee(who, t, instance))) throw workflowErrors.instanceNotFound();
    }
    return { instance, tasks };
  }

  /** A task the account's assignment covers; any other is 404, as if it did not exist. */
  private async visibleTask(actor: Actor, taskId: string): Promise<{ task: TaskRow; instance: InstanceRow }> {
    const task = await this.repository.getTask(taskId);
    const instance = task ? await this.repository.getInstance(task.instanceId) : undefined;
    if (!task || !instance) throw workflowErrors.taskNotFound();
    if (!isAssignee({ actor, isMain: await accountIsMain(this.deps.db.knex, actor.accountId) }, task, instance)) {
      throw workflowErrors.taskNotFound();
    }
    return { task, instance };
  }

  private step(trx: Step['trx'], model: Step['model'], instance: InstanceRow, actor: Actor, now: string,
    outcome: string | null, comment: string | null): Step {
    return { trx, repository: this.repository, actions: this.actions, model, instance, actor, now, outcome, comment };
  }
}
