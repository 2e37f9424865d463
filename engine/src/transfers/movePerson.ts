import type { Knex } from 'knex';
import type { Actor } from '../access/index.js';
import type { Database } from '../db/index.js';
import type { DefinitionRegistry, EntityVersion } from '../definitions/index.js';
import { ConflictError } from '../errors/index.js';
import {
  assertKeysFree, checkRefs, diffData, keysOf, recordWriterIn, storedData, type RecordRow, type RecordWriter,
} from '../records/index.js';
import { leaveBehind, STAYS_BEHIND } from './leftBehind.js';
import type { Transfer, TransferOutcome } from './TransferRepository.js';

export interface MoveDeps {
  db: Database;
  registry: DefinitionRegistry;
}

/** What the approval did: the person moved (with what), or why nothing moved. */
export type MoveResult = { ok: true; outcome: TransferOutcome } | { ok: false; message: string };

/** A record ready to move: its new row (receiving organisation, references rebased) and what it writes. */
interface Planned {
  before: RecordRow;
  row: RecordRow;
  entity: EntityVersion;
  keys: ReturnType<typeof keysOf>;
  links: Awaited<ReturnType<typeof checkRefs>>['links'];
  /** The `data` column as written (sensitive values sealed). */
  stored: string;
}

class Refused extends Error {}

const countBy = (rows: readonly RecordRow[]): Record<string, number> =>
  rows.reduce<Record<string, number>>((counts, r) => ({ ...counts, [r.entity]: (counts[r.entity] ?? 0) + 1 }), {});

const idsOf = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

/**
 * The person's record and what refers to it: records that stay with the releasing institution
 * (`STAYS_BEHIND`, e.g. probation: the new institution files them again) and the rest, which move.
 * Records already left elsewhere by an earlier transfer are neither.
 */
async function linkedRecords(trx: Knex.Transaction, writer: RecordWriter, person: RecordRow) {
  const sources: Array<{ source_id: string }> = await trx('record_refs').where('target_id', person.id).select('source_id');
  const rows: RecordRow[] = [];
  for (const { source_id: id } of sources) {
    const row = await writer.findById(id);
    if (row && row.orgId === person.orgId) rows.push(row);
  }
  return { moving: [person, ...rows.filter((r) => !STAYS_BEHIND.has(r.entity))], staying: rows.filter((r) => STAYS_BEHIND.has(r.entity)) };
}

/**
 * One moving record in the receiving institution: the person joins the department applied for;
 * a reference to a record that does not move (the person's post) is dropped; the result must still
 * validate, refer only to the receiving institution's records and clash with none of its keys.
 */
async function plan(deps: MoveDeps, writer: RecordWriter, before: RecordRow, transfer: Transfer, pending: Map<string, RecordRow>): Promise<Planned> {
  const entity = deps.registry.entity(before.entity);
  if (!entity) throw new Error(`Entity ${before.entity} is not defined`);
  const title = entity.definition.content.title;
  const data: Record<string, unknown> = { ...before.data, ...(before.id === transfer.personId ? { departmentId: transfer.departmentId } : {}) };
  for (const ref of entity.schema.refs) {
    const target = data[ref.field];
    if (typeof target !== 'string' || pending.has(target) || target === transfer.departmentId) continue;
    delete data[ref.field];
  }
  const row: RecordRow = { ...before, orgId: transfer.toOrgId, defVersion: entity.definition.version, version: before.version + 1, data };
  pending.set(row.id, row);
  const invalid = entity.schema.validate(data);
  if (invalid.length > 0) throw new Refused(`调入后的「${title}」不完整：${invalid.map((e) => e.message).join('；')}`);
  const refs = await checkRefs(writer, row, entity.schema.refs, pending);
  if (refs.errors.length > 0) throw new Refused(`调入后的「${title}」引用了无效的信息：${refs.errors.map((e) => e.message).join('；')}`);
  const keys = keysOf(entity.definition.content, data, deps.db.recordData);
  await assertKeysFree(writer, row, keys).catch((error: unknown) => {
    if (!(error instanceof ConflictError)) throw error;
    throw new Refused(`接收单位已有相同的「${title}」，无法调入：${error.items.map((i) => i.message).join('；')}`);
  });
  return { before, row, entity, keys, links: refs.links, stored: storedData(deps.db, row) };
}

/** Writes one planned record: organisation, data and version, then its key, reference and audit rows. */
async function write(trx: Knex.Transaction, writer: RecordWriter, planned: Planned, transfer: Transfer, actor: Actor, now: string) {
  const { before, row, entity } = planned;
  const count = await trx('records').where({ id: row.id, version: before.version, org_id: before.orgId })
    .update({ org_id: row.orgId, data: planned.stored, def_version: row.defVersion, version: row.version, updated_at: now, updated_by: actor.accountId });
  if (count !== 1) throw new Error(`Record ${row.id} changed during the transfer step`);
  await writer.setKeys(row, planned.keys, false);
  await writer.setRefs(row, planned.links, false);
  await writer.audit(actor, { action: 'record.transfer', entity: row.entity, recordId: row.id, details: { transferId: transfer.id,
    fromOrgId: before.orgId, toOrgId: row.orgId, changes: diffData(before.data, row.data, entity.schema.sensitiveFields) } }, now);
}

/** Attachments of the moving records move with them, unless a record staying behind shows the same file. */
async function moveFiles(trx: Knex.Transaction, deps: MoveDeps, moving: RecordRow[], staying: RecordRow[], transfer: Transfer) {
  const filesOf = (rows: RecordRow[]) => new Set(rows.flatMap((r) =>
    (deps.registry.entity(r.entity)?.schema.attachments ?? []).flatMap((a) => idsOf(r.data[a.field]))));
  const kept = filesOf(staying);
  const ids = [...filesOf(moving)].filter((id) => !kept.has(id));
  if (ids.length === 0) return 0;
  return trx('files').whereIn('id', ids).where('org_id', transfer.fromOrgId).update({ org_id: transfer.toOrgId });
}

/**
 * Moves the person of an approved transfer to the receiving institution, in the step's transaction:
 * the person (department set to the one applied for) and every record linked to them, with their
 * key and reference rows, attachments and an audit row each (before/after organisation). Records
 * of `STAYS_BEHIND` entities stay with the releasing institution as read-only history. When the move
 * is impossible by now (person gone or locked, a key clash …) nothing is written and the reason returned.
 */
export async function movePerson(trx: Knex.Transaction, deps: MoveDeps, transfer: Transfer, actor: Actor, now: string): Promise<MoveResult> {
  const writer = recordWriterIn(trx, deps.db);
  try {
    const person = await writer.findById(transfer.personId);
    if (!person) throw new Refused('该人员的信息已被原单位删除，无法调入。');
    if (person.orgId !== transfer.fromOrgId) throw new Refused('该人员已不在原单位登记（可能已调往其他单位），未作任何调动。');
    const { moving, staying } = await linkedRecords(trx, writer, person);
    const locks = await writer.locksOf(moving.map((r) => r.id));
    if (locks.length > 0) throw new Refused(`该人员的信息已被锁定，暂不能调动：${locks[0]!.message}`);
    const pending = new Map<string, RecordRow>();
    const planned: Planned[] = [];
    for (const row of moving) planned.push(await plan(deps, writer, row, transfer, pending));
    for (const p of planned) await write(trx, writer, p, transfer, actor, now);
    const files = await moveFiles(trx, deps, moving, staying, transfer);
    await leaveBehind(trx, deps.registry, staying, person, transfer, now);
    return { ok: true, outcome: { moved: countBy(moving), leftBehind: countBy(staying), files } };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message };
    throw error;
  }
}
