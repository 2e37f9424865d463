import { compileExpression, type CompiledExpression } from '../../rules/index.js';
import { newId } from '../../ids/index.js';
import { conditionVariables } from '../model/assignment.js';
import type { FlowNode } from '../model/types.js';
import { resolveAssigneeOrg } from './assignment.js';
import { workflowErrors } from './messages.js';
import type { Arrival, Step } from './Step.js';

/** What a node does with a token that arrives: the tokens that move on (each at its next node). */
export type NodeHandler = (step: Step, token: Arrival, node: FlowNode) => Promise<Arrival[]>;

const compiled = new Map<string, CompiledExpression>();
function condition(source: string): CompiledExpression {
  let expression = compiled.get(source);
  if (!expression) {
    expression = compileExpression(source, conditionVariables);
    compiled.set(source, expression);
  }
  return expression;
}

async function variablesOf(step: Step): Promise<Record<string, unknown>> {
  if (!step.variables) {
    const org = await step.trx('orgs').where('id', step.instance.orgId).first('level');
    step.variables = {
      outcome: step.outcome, comment: step.comment, data: step.instance.data,
      initiator: { isMain: step.instance.initiatorIsMain, orgLevel: org?.level ?? null },
    };
  }
  return step.variables;
}

/** Moves the token along the first flow; every further flow gets a token of its own (implicit split). */
export async function leave(step: Step, token: Arrival, flowIds: string[]): Promise<Arrival[]> {
  const moved: Arrival[] = [];
  for (const [index, flowId] of flowIds.entries()) {
    const target = step.model.flows[flowId]!.target;
    if (index === 0) moved.push({ ...token, nodeId: target, flowId, state: 'waiting' });
    else moved.push(await step.repository.insertToken(step.trx, step.instance.id, target, flowId, 'waiting', step.now));
  }
  return moved;
}

/** The first outgoing flow whose condition holds (document order), else the default flow. */
async function chooseFlow(step: Step, node: FlowNode): Promise<string> {
  if (node.outgoing.length === 1) return node.outgoing[0]!;
  for (const flowId of node.outgoing) {
    if (flowId === node.defaultFlow) continue;
    const body = step.model.flows[flowId]?.condition?.body.trim();
    if (!body || condition(body).run(await variablesOf(step)).value === true) return flowId;
  }
  if (node.defaultFlow) return node.defaultFlow;
  throw workflowErrors.noFlow(step.outcome ?? '', node.name ?? node.id);
}

const passThrough: NodeHandler = (step, token, node) => leave(step, token, node.outgoing);

/** A parallel join waits until a token has come by every incoming flow, then one token goes on. */
async function join(step: Step, token: Arrival, node: FlowNode): Promise<Arrival | undefined> {
  if (node.incoming.length < 2) return token;
  await step.repository.setToken(step.trx, { ...token, state: 'joining' });
  const waiting = (await step.repository.liveTokens(step.trx, step.instance.id))
    .filter((t) => t.nodeId === node.id && t.state === 'joining');
  const firstByFlow = new Map<string, Arrival>();
  for (const t of waiting) if (t.flowId && !firstByFlow.has(t.flowId)) firstByFlow.set(t.flowId, t);
  if (!node.incoming.every((flowId) => firstByFlow.has(flowId))) return undefined;
  for (const t of firstByFlow.values()) await step.repository.setToken(step.trx, { ...t, state: 'ended' });
  return step.repository.insertToken(step.trx, step.instance.id, node.id, null, 'waiting', step.now);
}

/** Behaviour by BPMN type (the subset `validateProcess` accepts). */
export const nodeHandlers: Record<string, NodeHandler> = {
  'bpmn:StartEvent': passThrough,
  'bpmn:ExclusiveGateway': async (step, token, node) => leave(step, token, [await chooseFlow(step, node)]),
  'bpmn:ParallelGateway': async (step, token, node) => {
    const joined = await join(step, token, node);
    return joined ? leave(step, joined, node.outgoing) : [];
  },
  'bpmn:ServiceTask': async (step, token, node) => {
    await step.actions.get(node.action ?? '')({ trx: step.trx, instance: step.instance, actor: step.actor, nodeId: node.id, now: step.now,
      comment: step.comment });
    await step.repository.addHistory(step.trx, step.instance.id, 'serviceRan', step.now, { nodeId: node.id, accountId: step.actor.accountId });
    return leave(step, token, node.outgoing);
  },
  'bpmn:UserTask': async (step, token, node) => {
    const assignee = node.assignee ?? { role: 'initiator' };
    const orgId = await resolveAssigneeOrg(step.trx, step.instance, assignee);
    if (orgId === undefined) {
      throw assignee.org !== undefined ? workflowErrors.noAssigneeOrg(node.name ?? node.id, assignee.org)
        : workflowErrors.noAssignee(node.name ?? node.id, assignee.level ?? 'self');
    }
    const id = newId();
    await step.repository.insertTask(step.trx, {
      id, instanceId: step.instance.id, tokenId: token.id, nodeId: node.id, name: node.name ?? node.id,
      assigneeRole: assignee.role, assigneeLevel: assignee.level ?? null, assigneePermission: assignee.permission ?? null,
      assigneeOrgId: orgId, status: 'open', outcome: null, comment: null, completedBy: null, completedAt: null, createdAt: step.now,
    });
    await step.repository.setToken(step.trx, { ...token, state: 'waiting' });
    await step.repository.addHistory(step.trx, step.instance.id, 'taskCreated', step.now, { nodeId: node.id, taskId: id });
    return [];
  },
  'bpmn:EndEvent': async (step, token) => {
    await step.repository.setToken(step.trx, { ...token, state: 'ended' });
    return [];
  },
};
