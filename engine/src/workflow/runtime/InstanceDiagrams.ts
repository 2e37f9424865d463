import type { Knex } from 'knex';
import type { ProcessVersion } from './ProcessCatalog.js';
import type { HistoryEvent, InstanceRow, TaskRow } from './types.js';

/** Who acted in an instance's history: the account's nickname and its organisation's name. */
export interface HistoryPerson { nickname: string; orgName: string }

/**
 * `GET /api/workflow/instances/:id/diagram`: the BPMN XML of the version the instance runs on, the
 * nodes where it stands (open tasks) and the nodes it has passed (started, completed tasks, service
 * steps run, the end reached), for a read-only diagram with markers.
 */
export interface InstanceDiagram {
  processKey: string;
  processVersion: number;
  title: string;
  bpmn: string;
  activeNodeIds: string[];
  doneNodeIds: string[];
}

const PASSED: ReadonlySet<HistoryEvent['type']> = new Set(['taskCompleted', 'serviceRan', 'ended']);

export function instanceDiagram(process: ProcessVersion, instance: InstanceRow, events: readonly HistoryEvent[],
  tasks: readonly TaskRow[]): InstanceDiagram {
  const active = new Set(tasks.filter((t) => t.status === 'open').map((t) => t.nodeId));
  const starts = Object.values(process.model.nodes).filter((n) => n.type === 'bpmn:StartEvent').map((n) => n.id);
  const passed = events.filter((e) => PASSED.has(e.type) && e.nodeId !== null).map((e) => e.nodeId!);
  const done = [...new Set([...starts, ...passed])].filter((id) => !active.has(id));
  return { processKey: instance.processKey, processVersion: instance.processVersion, title: process.title, bpmn: process.bpmn,
    activeNodeIds: [...active], doneNodeIds: done };
}

/** The nickname and organisation of each account that appears in the history. */
export async function historyPeople(q: Knex, events: readonly HistoryEvent[]): Promise<Record<string, HistoryPerson>> {
  const ids = [...new Set(events.map((e) => e.accountId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return {};
  const rows: Array<{ id: string; nickname: string; org_name: string }> = await q('accounts as a').join('orgs as o', 'o.id', 'a.org_id')
    .whereIn('a.id', ids).select('a.id', 'a.nickname', 'o.name as org_name');
  return Object.fromEntries(rows.map((r) => [r.id, { nickname: r.nickname, orgName: r.org_name }]));
}
