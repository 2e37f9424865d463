import type { DefinitionRegistry } from '../definitions/index.js';
import type { ErrorItem } from '../errors/index.js';
import type { Logger } from '../log/index.js';
import type { CompiledRuleset, RuleChannel, RulesetContent } from '../rules/index.js';
import type { RecordWriter } from './store/index.js';
import type { RecordRow } from './types.js';

type Data = Record<string, unknown>;
/** What judging reads: lookups by id and a record's group (a write transaction, or a snapshot of stored records). */
export type RuleReader = Pick<RecordWriter, 'findById' | 'findGroup'>;

/** The record's group under a rule set: stored members plus the other records written with it. */
async function groupOthers(writer: RuleReader, registry: DefinitionRegistry, ruleset: CompiledRuleset,
  row: RecordRow, batch: readonly RecordRow[]): Promise<Data[]> {
  const group = ruleset.content.group;
  const key = group ? row.data[group.by] : undefined;
  if (!group || (typeof key !== 'string' && typeof key !== 'number')) return [];
  const batchIds = new Set(batch.map((r) => r.id));
  const byReference = registry.entity(row.entity)?.schema.refs.some((ref) => ref.field === group.by) ?? false;
  const stored = (await writer.findGroup(row.entity, row.orgId, group.by, key, byReference)).filter((r) => !batchIds.has(r.id));
  const pending = batch.filter((r) => r.data[group.by] === key);
  // Only members the same rule set governs (e.g. the same exam year) form the group.
  return [...stored, ...pending]
    .filter((r) => r.id !== row.id && registry.rulesetsFor(r.entity, r.data).includes(ruleset))
    .map((r) => r.data);
}

/**
 * An entity governed by yearly rule sets cannot take a record of a year whose rules are not
 * published yet: filing it unjudged would let it through unchecked.
 */
export function noRulesetInForce(registry: DefinitionRegistry, row: RecordRow): ErrorItem[] {
  const governed = registry.list('ruleset').some((d) => (d.content as unknown as RulesetContent).appliesTo.entity === row.entity);
  const year = row.data.examYear;
  // A year of another type (an object, say) is the schema's to refuse; it is not a year to name here.
  if (!governed || (typeof year !== 'number' && typeof year !== 'string')) return [];
  const title = registry.entity(row.entity)?.definition.content.title ?? row.entity;
  return [{ code: 'NO_RULESET', path: '/examYear',
    message: `${year} 年度的「${title}」填报规则尚未发布，暂不能填报该年度的信息；请核对考试年度，或联系上级卫生健康行政部门发布规则。` }];
}

/**
 * The rule sets governing a record, judged inside the write transaction: lookups (e.g. the person
 * a probation segment belongs to) and the record's group (the person's other segments of the same
 * organisation, stored or written in the same batch) are read there, so the verdict matches what
 * is stored.
 */
export async function judgeRules(writer: RuleReader, registry: DefinitionRegistry, row: RecordRow,
  logger?: Logger, batch: readonly RecordRow[] = [], channel: RuleChannel = 'entry'): Promise<ErrorItem[]> {
  const rulesets = registry.rulesetsFor(row.entity, row.data);
  if (rulesets.length === 0) return noRulesetInForce(registry, row);
  const violations: ErrorItem[] = [];
  for (const ruleset of rulesets) {
    const resolved: Record<string, Data | null> = {};
    for (const [name, field] of Object.entries(ruleset.content.lookups ?? {})) {
      const id = row.data[field];
      const target = typeof id === 'string' ? await writer.findById(id) : undefined;
      resolved[name] = target && target.orgId === row.orgId ? target.data : null;
    }
    const others = await groupOthers(writer, registry, ruleset, row, batch);
    violations.push(...ruleset.judge({ record: row.data, lookups: resolved, others, channel }, (ruleId, warnings) =>
      logger?.warn({ ruleset: ruleset.content.key, ruleId, warnings }, 'rule evaluated with FEEL warnings')));
  }
  return violations;
}
