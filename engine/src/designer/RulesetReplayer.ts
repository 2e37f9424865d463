import type { AccessPolicy, Actor } from '../access/index.js';
import type { RulesetReplay } from '../contract/index.js';
import type { DefinitionRegistry } from '../definitions/index.js';
import { noRulesetInForce } from '../records/index.js';
import type { CompiledRuleset, RuleTestInput } from '../rules/index.js';
import { contentOf } from './DesignerDrafts.js';
import { requireEditable } from './kindPolicy.js';
import { labelRefs, recordLabeler } from './recordLabels.js';
import { compileDraftRuleset } from './rulesetCases.js';
import { RECORD_CAP, type ScopedRecord, type StoredRecords } from './storedRecords.js';

type Lookups = RuleTestInput['lookups'];
const YEAR = 'examYear';

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every record's violation messages under one rule set, each judged with its group (same organisation and `group.by`). */
function judgeAll(ruleset: CompiledRuleset, records: ScopedRecord[], lookupsOf: (r: ScopedRecord) => Lookups): Map<string, string[]> {
  const by = ruleset.content.group?.by;
  const groups = new Map<string, ScopedRecord[]>();
  for (const record of records) {
    const key = by ? `${record.orgId}|${JSON.stringify(record.data[by] ?? null)}` : record.id;
    push(groups, key, record);
  }
  const verdicts = new Map<string, string[]>();
  for (const members of groups.values()) {
    for (const record of members) {
      const others = members.filter((m) => m !== record).map((m) => m.data);
      verdicts.set(record.id, ruleset.judge({ record: record.data, lookups: lookupsOf(record), others }).map((v) => v.message));
    }
  }
  return verdicts;
}

/**
 * Replay (issue 7): the stored records a draft rule set would govern, judged with the draft and with
 * the rule sets in force for them, within the caller's org scope; the records whose verdict changes.
 */
export class RulesetReplayer {
  constructor(private readonly deps: { registry: DefinitionRegistry; access: AccessPolicy; records: StoredRecords }) {}

  async replay(actor: Actor, body: unknown): Promise<RulesetReplay> {
    requireEditable(actor, 'ruleset');
    const draft = compileDraftRuleset(contentOf(body), this.deps.registry);
    const entity = draft.content.appliesTo.entity;
    const hasYear = this.deps.registry.entity(entity)!.schema.field(YEAR) !== undefined;
    const requested = (body as { examYear?: unknown }).examYear;
    let examYear = typeof requested === 'number' ? requested : draft.content.appliesTo.examYear ?? null;
    const notices: string[] = [];
    if (hasYear && examYear !== null) {
      const years = (await this.deps.records.distinct(actor, entity, YEAR)).map(Number).filter(Number.isInteger);
      if (!years.includes(examYear) && years.length > 0) {
        const latest = Math.max(...years);
        notices.push(`${examYear} 年度还没有已填报的记录，下面用有记录的最近年度（${latest} 年度）的记录回放。`);
        examYear = latest;
      }
    }
    const { rows, capped } = await this.deps.records.read(actor, entity, hasYear && examYear !== null ? { field: YEAR, value: examYear } : undefined);
    if (capped) notices.push(`记录超过 ${RECORD_CAP} 条，只回放了前 ${RECORD_CAP} 条。`);

    const lookupFields = Object.values(draft.content.lookups ?? {});
    const refFields = labelRefs(this.deps.registry, entity).map((r) => r.field);
    const targets = await this.deps.records.byIds(rows.flatMap((r) => [...lookupFields, ...refFields].map((f) => r.data[f]))
      .filter((v): v is string => typeof v === 'string'));
    const lookupsFor = (ruleset: CompiledRuleset) => (record: ScopedRecord): Lookups => Object.fromEntries(
      Object.entries(ruleset.content.lookups ?? {}).map(([name, field]) => {
        const target = targets.get(String(record.data[field]));
        return [name, target && target.orgId === record.orgId ? target.data : null];
      }));

    const after = judgeAll(draft, rows, lookupsFor(draft));
    const before = this.judgeInForce(entity, rows, lookupsFor);
    const label = recordLabeler(this.deps, actor, entity, targets);
    const same = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
    const changed = rows.filter((r) => !same(before.get(r.id) ?? [], after.get(r.id) ?? []))
      .map((r) => ({ recordId: r.id, orgName: r.orgName, title: label(r), before: before.get(r.id) ?? [], after: after.get(r.id) ?? [] }));
    return { entity, examYear, ...(notices.length ? { notice: notices.join('') } : {}), total: rows.length, changed,
      unchangedCount: rows.length - changed.length };
  }

  /** Verdicts under the rule sets in force for each record (a record of a year without rules: that refusal). */
  private judgeInForce(entity: string, rows: ScopedRecord[], lookupsFor: (r: CompiledRuleset) => (record: ScopedRecord) => Lookups) {
    const byRuleset = new Map<CompiledRuleset, ScopedRecord[]>();
    const verdicts = new Map<string, string[]>();
    for (const row of rows) {
      const rulesets = this.deps.registry.rulesetsFor(entity, row.data);
      if (rulesets.length === 0) {
        verdicts.set(row.id, noRulesetInForce(this.deps.registry, { id: row.id, entity, orgId: row.orgId, defVersion: 0, version: 0, data: row.data })
          .map((e) => e.message));
      }
      for (const ruleset of rulesets) push(byRuleset, ruleset, row);
    }
    for (const [ruleset, members] of byRuleset) {
      for (const [id, messages] of judgeAll(ruleset, members, lookupsFor(ruleset))) verdicts.set(id, [...(verdicts.get(id) ?? []), ...messages]);
    }
    return verdicts;
  }
}
