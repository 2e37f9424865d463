import type { RulesetView } from '@zjrj/engine/contract';
import { CompiledRuleset, type RuleViolation } from '@zjrj/engine/rules';

type Data = Record<string, unknown>;

/** The data of the record a field points at (e.g. the person of `personId`), or null when unknown. */
export type LookupResolver = (field: string, id: unknown) => Data | null;

/** What the rules need to know about the entity they govern. */
export interface RuledEntity {
  key: string;
  title: string;
  /** Every field of the entity's schema (a missing field reads as null in FEEL). */
  fields: readonly string[];
}

/**
 * The rule sets in force for one entity, compiled with the engine's own module so the browser
 * gives the server's verdict: which rule set governs a record (`appliesTo`), which stored or
 * pending records form its group (`group.by`, same rule set), which referenced records its
 * lookups read, and NO_RULESET for a year nobody has published rules for.
 */
export class EntityRules {
  private readonly rulesets: CompiledRuleset[];

  constructor(readonly entity: RuledEntity, views: readonly RulesetView[]) {
    this.rulesets = views.filter((view) => view.content.appliesTo.entity === entity.key)
      .map((view) => new CompiledRuleset(view.content, entity.fields));
  }

  /** Whether any rule set governs the entity (only then does a record need one for its year). */
  get governed(): boolean {
    return this.rulesets.length > 0;
  }

  /** The exam years rule sets are published for, latest first. */
  get years(): number[] {
    const years = this.rulesets.map((r) => r.content.appliesTo.examYear).filter((y): y is number => typeof y === 'number');
    return [...new Set(years)].sort((a, b) => b - a);
  }

  /** Fields every record of a group shares: the group key and what selects the rule set (e.g. personId, examYear). */
  get sharedFields(): string[] {
    const fields = this.rulesets.flatMap((r) => [r.content.group?.by,
      ...Object.keys(r.content.appliesTo).filter((name) => name !== 'entity')]);
    return [...new Set(fields.filter((f): f is string => typeof f === 'string'))];
  }

  /** The referencing fields the rule sets look up (e.g. `personId` for `person`). */
  get lookupFields(): string[] {
    return [...new Set(this.rulesets.flatMap((r) => Object.values(r.content.lookups ?? {})))];
  }

  /** The rule sets governing `record` (as the server's registry chooses them). */
  rulesetsFor(record: Data): CompiledRuleset[] {
    return this.rulesets.filter((r) => r.content.appliesTo.examYear === undefined || r.content.appliesTo.examYear === record.examYear);
  }

  /**
   * Every rule `record` breaks. `candidates` are the other records it may be grouped with (stored
   * ones and those entered with it); only those with the same group key under the same rule set
   * count, exactly as on the server.
   */
  judge(record: Data, candidates: readonly Data[], lookup: LookupResolver): RuleViolation[] {
    const rulesets = this.rulesetsFor(record);
    if (rulesets.length === 0) return this.noRuleset(record);
    return rulesets.flatMap((ruleset) => ruleset.judge({
      record,
      lookups: Object.fromEntries(Object.entries(ruleset.content.lookups ?? {}).map(([name, field]) => [name, lookup(field, record[field])])),
      others: this.groupOthers(ruleset, record, candidates),
    }));
  }

  private groupOthers(ruleset: CompiledRuleset, record: Data, candidates: readonly Data[]): Data[] {
    const by = ruleset.content.group?.by;
    const key = by ? record[by] : undefined;
    if (!by || key === undefined || key === null) return [];
    return candidates.filter((other) => other[by] === key && this.rulesetsFor(other).includes(ruleset));
  }

  private noRuleset(record: Data): RuleViolation[] {
    if (!this.governed || record.examYear === undefined || record.examYear === null) return [];
    return [{ code: 'NO_RULESET', path: '/examYear',
      message: `${String(record.examYear)} 年度的「${this.entity.title}」填报规则尚未发布，暂不能填报该年度的信息；`
        + '请核对考试年度，或联系上级卫生健康行政部门发布规则。' }];
  }
}
