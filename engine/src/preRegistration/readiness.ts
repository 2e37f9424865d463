import type { Actor } from '../access/index.js';
import type { CompletenessService } from '../completeness/index.js';
import type { Database } from '../db/index.js';
import type { DefinitionRegistry, EntityContent, MenuContent, MenuItem } from '../definitions/index.js';
import type { Logger } from '../log/index.js';
import { judgeRules, toRecordRow, type RawRecord, type RecordRow, type RuleReader } from '../records/index.js';

/** One thing that keeps a person from being submitted: what is wrong and where to fix it. */
export interface ReadinessReason {
  code: string;
  message: string;
}

export interface Readiness {
  ready: boolean;
  reasons: ReadinessReason[];
}

export interface ReadinessDeps {
  db: Database;
  registry: DefinitionRegistry;
  completeness: CompletenessService;
  logger?: Logger;
}

const PERSON = 'person';
const PROBATION = 'probation';
const CHUNK = 100;

/** The menu title under which a clerk edits an entity (e.g. 试用期填报), else the entity's title. */
function placeOf(registry: DefinitionRegistry, entity: string): string {
  const find = (items: MenuItem[]): MenuItem | undefined => {
    for (const item of items) {
      const found = item.entity === entity ? item : find(item.children ?? []);
      if (found) return found;
    }
    return undefined;
  };
  const menu = registry.get('menu', 'main')?.content as MenuContent | undefined;
  return find(menu?.items ?? [])?.title ?? registry.entity(entity)?.definition.content.title ?? entity;
}

/** What the `person` completeness declaration finds missing, per person, each with where to add it. */
async function completenessReasons(deps: ReadinessDeps, actor: Actor, ids: string[]): Promise<Map<string, ReadinessReason[]>> {
  const declaration = (deps.registry.entity(PERSON)?.definition.content as EntityContent | undefined)?.completeness;
  const placeFor = (code: string) => {
    const related = declaration?.requirements.find((q) => q.code === code)?.related;
    return placeOf(deps.registry, related?.entity ?? PERSON);
  };
  const reasons = new Map<string, ReadinessReason[]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const view of await deps.completeness.check(actor, PERSON, ids.slice(i, i + CHUNK).join(','))) {
      // Probation is judged for the exam year below, more precisely than "any probation at all".
      reasons.set(view.id, view.missing.filter((m) => m.code !== PROBATION).map((m) => ({
        code: `INCOMPLETE_${m.code}`, message: `${m.message}。请在「${placeFor(m.code)}」中补充。` })));
    }
  }
  return reasons;
}

/** The stored records the rules read, from what was loaded once (a person lookup, a person's segments of the year). */
function snapshotReader(deps: ReadinessDeps, persons: ReadonlyMap<string, RecordRow>, segments: readonly RecordRow[]): RuleReader {
  return {
    findById: async (id) => {
      const known = persons.get(id) ?? segments.find((s) => s.id === id);
      if (known) return known;
      const raw = await deps.db.reader('records').where('id', id).first() as RawRecord | undefined;
      return raw ? toRecordRow(raw, deps.db) : undefined;
    },
    findGroup: async (entity, orgId, field, value) =>
      segments.filter((s) => s.entity === entity && s.orgId === orgId && s.data[field] === value),
  };
}

/** A person's probation of the year judged by the year's rule set as single entry would (every rule, group rules included). */
async function probationReasons(deps: ReadinessDeps, year: number, segments: readonly RecordRow[], reader: RuleReader): Promise<ReadinessReason[]> {
  const place = placeOf(deps.registry, PROBATION);
  if (segments.length === 0) {
    return [{ code: 'PROBATION_MISSING', message: `没有 ${year} 年度的试用期信息：请在「${place}」中为该人员填写 ${year} 年度的试用期。` }];
  }
  const reasons: ReadinessReason[] = [];
  const seen = new Set<string>();
  for (const segment of segments) {
    const period = `${String(segment.data.startDate)} 至 ${String(segment.data.endDate)}`;
    for (const violation of await judgeRules(reader, deps.registry, segment, deps.logger, [], 'entry')) {
      const key = `${violation.code}|${violation.message}`;
      if (seen.has(key)) continue; // a group rule speaks once for all the segments
      seen.add(key);
      reasons.push({ code: violation.code, message: `试用期（${period}）：${violation.message} 请在「${place}」中修改。` });
    }
  }
  return reasons;
}

/**
 * Whether each of the institution's persons can be submitted for the exam year: the
 * completeness declaration of `person` met (basic and required detail information), and probation
 * of that year valid under that year's published rule set.
 */
export async function assessReadiness(deps: ReadinessDeps, actor: Actor, year: number, persons: readonly RecordRow[]):
  Promise<Map<string, Readiness>> {
  const ids = persons.map((p) => p.id);
  const missing = await completenessReasons(deps, actor, ids);
  const segments = await probationsOf(deps.db, actor.orgId, year);
  const byId = new Map(persons.map((p) => [p.id, p]));
  const reader = snapshotReader(deps, byId, segments);
  const noRules = deps.registry.rulesetsFor(PROBATION, { examYear: year }).length === 0;
  const result = new Map<string, Readiness>();
  for (const person of persons) {
    const own = segments.filter((s) => s.data.personId === person.id);
    const probation = noRules
      ? [{ code: 'NO_RULESET', message: `${year} 年度的试用期填报规则尚未发布，暂不能核验试用期，也不能上报；请等待上级卫生健康行政部门发布规则。` }]
      : await probationReasons(deps, year, own, reader);
    const reasons = [...(missing.get(person.id) ?? []), ...probation];
    result.set(person.id, { ready: reasons.length === 0, reasons });
  }
  return result;
}

/** The institution's persons, in the order they were entered. */
export async function personsOf(db: Database, orgId: string): Promise<RecordRow[]> {
  const rows = await db.reader('records').where({ entity: PERSON, org_id: orgId }).orderBy('id') as RawRecord[];
  return rows.map((raw) => toRecordRow(raw, db));
}

/** The institution's probation segments of the exam year, by start date. */
export async function probationsOf(db: Database, orgId: string, year: number): Promise<RecordRow[]> {
  const [sql, bindings] = db.dialect.jsonEquals('data', 'examYear', year);
  const rows = await db.reader('records').where({ entity: PROBATION, org_id: orgId }).whereRaw(sql, bindings) as RawRecord[];
  return rows.map((raw) => toRecordRow(raw, db))
    .sort((a, b) => String(a.data.startDate).localeCompare(String(b.data.startDate)));
}
