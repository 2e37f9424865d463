import type { Database } from '../db/index.js';
import type { DefinitionRegistry } from '../definitions/index.js';
import type { Logger } from '../log/index.js';
import type { CompiledRuleset } from '../rules/index.js';
import { rulesetOfYear, YEAR_FIELD, type BatchSetup } from './setup.js';

type Data = Record<string, unknown>;

export interface StoredRecord { id: string; version: number; data: Data }

/** A person whom the declared rule asks the attachment of, with their records of the exam year. */
export interface Candidate {
  personId: string;
  name: string;
  idNumber: string;
  departmentId: string | null;
  departmentName: string | null;
  /** The person's records of the year, in the rule set's group order. */
  records: StoredRecord[];
  /** The attachment of the first record that has one. */
  fileId: string | null;
}

const CHUNK = 500;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const compareText = (a: unknown, b: unknown) => String(a ?? '').localeCompare(String(b ?? ''));
/** By department (persons without one last), then by name, in Chinese collation. */
const byDepartmentThenName = (a: Candidate, b: Candidate): number =>
  (a.departmentName === null ? 1 : 0) - (b.departmentName === null ? 1 : 0)
  || (a.departmentName ?? '').localeCompare(b.departmentName ?? '', 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN');

interface Related { entity: string; data: Data }

/** The organisation's records of the declaring entity for one exam year (optionally one person's). */
export async function yearRecords(db: Database, setup: BatchSetup, orgId: string, year: number,
  personId?: string): Promise<StoredRecord[]> {
  const [yearSql, yearBindings] = db.dialect.jsonEquals('records.data', YEAR_FIELD, year);
  const query = db.reader('records').where({ 'records.entity': setup.entity.definition.key, 'records.org_id': orgId })
    .whereRaw(yearSql, yearBindings);
  if (personId !== undefined) {
    const [sql, bindings] = db.dialect.jsonEquals('records.data', setup.owner.field, personId);
    void query.whereRaw(sql, bindings);
  }
  const rows = await query.select('records.id', 'records.version', 'records.data') as
    Array<{ id: string; version: number; data: unknown }>;
  return rows.map((row) => ({ id: row.id, version: Number(row.version),
    data: db.recordData.open(setup.entity.definition.key, db.dialect.parseJson(row.data) as Data) }));
}

/** Records of the organisation by id (any entity), read in chunks. */
async function recordsById(db: Database, orgId: string, ids: string[]): Promise<Map<string, Related>> {
  const found = new Map<string, Related>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.reader('records').where('records.org_id', orgId).whereIn('records.id', ids.slice(i, i + CHUNK))
      .select('records.id', 'records.entity', 'records.data') as Array<{ id: string; entity: string; data: unknown }>;
    for (const row of rows) found.set(row.id, { entity: row.entity, data: db.recordData.open(row.entity, db.dialect.parseJson(row.data) as Data) });
  }
  return found;
}

function groupByOwner(records: StoredRecord[], field: string, ruleset: CompiledRuleset): Map<string, StoredRecord[]> {
  const orderBy = ruleset.content.group?.orderBy;
  const groups = new Map<string, StoredRecord[]>();
  const ordered = [...records].sort((a, b) => (orderBy ? compareText(a.data[orderBy], b.data[orderBy]) : 0) || compareText(a.id, b.id));
  for (const record of ordered) {
    const owner = text(record.data[field]);
    if (owner) groups.set(owner, [...(groups.get(owner) ?? []), record]);
  }
  return groups;
}

/** The lookups of the rule set resolved for each record, from records of the organisation read at once. */
async function lookupResolver(db: Database, orgId: string, ruleset: CompiledRuleset, groups: Map<string, StoredRecord[]>) {
  const lookups = Object.entries(ruleset.content.lookups ?? {});
  const wanted = new Set(groups.keys());
  for (const record of [...groups.values()].flat()) {
    for (const [, field] of lookups) wanted.add(text(record.data[field]) ?? '');
  }
  wanted.delete('');
  const related = await recordsById(db, orgId, [...wanted]);
  const resolve = (data: Data) =>
    Object.fromEntries(lookups.map(([name, field]) => [name, related.get(text(data[field]) ?? '')?.data ?? null]));
  return { related, resolve };
}

/** The departments' names of the candidates (null without a department). */
async function withDepartments(db: Database, orgId: string, owner: BatchSetup['owner'],
  needed: Array<Omit<Candidate, 'departmentName'>>): Promise<Candidate[]> {
  const departments = await recordsById(db, orgId, [...new Set(needed.flatMap((c) => c.departmentId ?? []))]);
  const nameOf = (id: string | null) => {
    const department = id ? departments.get(id) : undefined;
    return department && owner.department ? String(department.data[owner.department.nameField] ?? '') : null;
  };
  return needed.map((c) => ({ ...c, departmentName: nameOf(c.departmentId) }));
}

/**
 * The persons of an organisation who need the attachment in an exam year: those with records of
 * that year for whom the declared rule's `when` holds under the year's rule set, judged like a
 * write judges them (lookups of the same organisation, the person's records of the year as the
 * group). Ordered by department, then name.
 */
export async function loadCandidates(db: Database, registry: DefinitionRegistry, setup: BatchSetup, orgId: string, year: number,
  logger?: Logger): Promise<Candidate[]> {
  const ruleset = rulesetOfYear(registry, setup, year);
  if (!ruleset) return [];
  const { owner, attachment, declaration } = setup;
  const groups = groupByOwner(await yearRecords(db, setup, orgId, year), owner.field, ruleset);
  const { related, resolve } = await lookupResolver(db, orgId, ruleset, groups);
  const onWarning = (ruleId: string, warnings: string[]) =>
    logger?.warn({ ruleset: ruleset.content.key, ruleId, warnings }, 'rule evaluated with FEEL warnings');
  const applies = (records: StoredRecord[]) => records.some((record) => ruleset.applies(declaration.rule,
    { record: record.data, lookups: resolve(record.data), others: records.filter((r) => r !== record).map((r) => r.data) }, onWarning));

  const needed: Array<Omit<Candidate, 'departmentName'>> = [];
  for (const [personId, records] of groups) {
    const person = related.get(personId);
    if (!person || person.entity !== owner.entity || !applies(records)) continue;
    needed.push({ personId, records, name: String(person.data[owner.nameField] ?? ''),
      idNumber: String(person.data[owner.idNumberField] ?? ''),
      departmentId: (owner.department && text(person.data[owner.department.field])) ?? null,
      fileId: records.map((r) => text(r.data[attachment.field])).find(Boolean) ?? null });
  }
  return (await withDepartments(db, orgId, owner, needed)).sort(byDepartmentThenName);
}
