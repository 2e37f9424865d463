import type { ProcessModel } from '../model/types.js';
import type { ProcessCatalog } from './ProcessCatalog.js';
import type { InstanceRow, TaskRow, TaskView } from './types.js';

const OUTCOME = /outcome\s*=\s*"([^"]+)"/g;

/** The outcomes named by the conditions of the exclusive gateway right after a task (for its buttons). */
export function outcomesAfter(model: ProcessModel, nodeId: string): string[] {
  const found = new Set<string>();
  for (const flowId of model.nodes[nodeId]?.outgoing ?? []) {
    const next = model.nodes[model.flows[flowId]?.target ?? ''];
    if (next?.type !== 'bpmn:ExclusiveGateway') continue;
    for (const out of next.outgoing) {
      for (const match of (model.flows[out]?.condition?.body ?? '').matchAll(OUTCOME)) found.add(match[1]!);
    }
  }
  return [...found];
}

/** Tasks as the API shows them. */
export class TaskViews {
  constructor(private readonly catalog: ProcessCatalog) {}

  async view(task: TaskRow, instance: InstanceRow): Promise<TaskView> {
    const { model } = await this.catalog.version(instance.processKey, instance.processVersion);
    return {
      id: task.id, instanceId: instance.id, processKey: instance.processKey, nodeId: task.nodeId, name: task.name,
      businessKey: instance.businessKey, status: task.status, createdAt: task.createdAt, data: instance.data,
      outcomes: outcomesAfter(model, task.nodeId), form: model.nodes[task.nodeId]?.form ?? null,
      ...(task.status === 'open' ? {} : { outcome: task.outcome, comment: task.comment, completedAt: task.completedAt }),
    };
  }
}
