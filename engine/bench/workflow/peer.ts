import path from 'node:path';
import BetterSqlite from 'better-sqlite3';
import { Engine } from 'bpmn-engine';
import { applySqlitePragmas } from '../../src/db/dialects/index.js';
import { newId } from '../../src/ids/index.js';
import type { LifecycleSide } from './ours.js';

/** The same review process in plain BPMN for bpmn-engine: the decision a variable, the action a service. */
const PEER_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  id="Definitions_1" targetNamespace="https://zjrj.dev/bench">
  <process id="Process_1" isExecutable="true">
    <startEvent id="Start" />
    <userTask id="Review" />
    <exclusiveGateway id="Outcome" default="FReject" />
    <serviceTask id="Apply" implementation="\${environment.services.apply}" />
    <endEvent id="EndApplied" />
    <endEvent id="EndRejected" />
    <sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
    <sequenceFlow id="F2" sourceRef="Review" targetRef="Outcome" />
    <sequenceFlow id="FApprove" sourceRef="Outcome" targetRef="Apply">
      <conditionExpression xsi:type="tFormalExpression">\${environment.variables.approved}</conditionExpression>
    </sequenceFlow>
    <sequenceFlow id="FReject" sourceRef="Outcome" targetRef="EndRejected" />
    <sequenceFlow id="F3" sourceRef="Apply" targetRef="EndApplied" />
  </process>
</definitions>`;

type Postponed = { id: string; environment: { variables: Record<string, unknown> } };
type SourceContext = NonNullable<ConstructorParameters<typeof Engine>[0]>['sourceContext'];

/**
 * The peer: bpmn-engine running the same flow, its state (the JSON of `getState()`) upserted into
 * a SQLite table after each step (autocommit, our pragmas). Kind to the peer: the XML is parsed
 * once (every engine gets the serialized context) and the engine stays in memory between its two
 * steps instead of being recovered from the stored state.
 */
export async function peerSide(dir: string): Promise<LifecycleSide> {
  const db = new BetterSqlite(path.join(dir, 'peer.sqlite'));
  applySqlitePragmas(db);
  db.exec('CREATE TABLE peer_instances (id TEXT PRIMARY KEY, business_key TEXT NOT NULL, state TEXT NOT NULL, updated_at TEXT NOT NULL)');
  const upsert = db.prepare(`INSERT INTO peer_instances (id, business_key, state, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`);
  const [definition] = await new Engine({ source: PEER_PROCESS }).getDefinitions();
  const sourceContext = (definition as unknown as { environment: { options: { source: SourceContext } } }).environment.options.source;
  let applied = 0;
  const services = { apply: (_context: unknown, next: (error: Error | null, result?: unknown) => void) => {
    applied += 1;
    next(null, { applied: true });
  } };
  const save = async (id: string, businessKey: string, engine: Engine) =>
    upsert.run(id, businessKey, JSON.stringify(await engine.getState()), new Date().toISOString());

  return {
    async run(from, count) {
      for (let i = from; i < from + count; i += 1) {
        const [id, businessKey] = [newId(), `B-${i}`];
        const engine = new Engine({ name: id, sourceContext, services });
        const execution = await engine.execute({ variables: { businessKey, name: `考生${i}` } });
        await save(id, businessKey, engine); // step 1: waiting at the review task
        const [task] = execution.getPostponed() as unknown as Postponed[];
        const ended = engine.waitFor('end');
        task!.environment.variables.approved = true;
        execution.signal({ id: task!.id, outcome: 'approve', comment: '同意' });
        await ended;
        await save(id, businessKey, engine); // step 2: approved, applied, ended
      }
    },
    // Applied, and the stored state that of an engine that has finished (idle, not running).
    completed: async () => Math.min(applied,
      (db.prepare("SELECT count(*) AS n FROM peer_instances WHERE json_extract(state, '$.state') = 'idle'").get() as { n: number }).n),
    close: async () => { db.close(); },
  };
}
