import { nodeHandlers } from './nodeHandlers.js';
import type { Arrival, Step } from './Step.js';

/** A guard against a process that loops through service tasks and gateways without a wait state. */
const MAX_MOVES = 1000;

/**
 * Moves tokens from where they arrived until each waits (user task, parallel join) or ends; then
 * ends the instance when no token is left. Runs inside the step's transaction: all or nothing.
 */
export async function runStep(step: Step, arrivals: Arrival[]): Promise<void> {
  const queue = [...arrivals];
  let lastNode: string | undefined;
  for (let moves = 0; queue.length > 0; moves += 1) {
    if (moves > MAX_MOVES) throw new Error(`Process ${step.instance.processKey} loops without a wait state`);
    const token = queue.shift()!;
    const node = step.model.nodes[token.nodeId];
    const handler = node ? nodeHandlers[node.type] : undefined;
    if (!node || !handler) throw new Error(`Process ${step.instance.processKey} cannot run node ${token.nodeId}`);
    lastNode = node.id;
    queue.push(...await handler(step, token, node));
  }
  const { instance, repository, trx, now } = step;
  instance.updatedAt = now;
  if ((await repository.liveTokens(trx, instance.id)).length === 0) {
    instance.status = 'completed';
    instance.endedAt = now;
    await repository.addHistory(trx, instance.id, 'ended', now, { nodeId: lastNode ?? null });
  }
  await repository.saveInstance(trx, instance);
}
