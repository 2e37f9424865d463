import { compileRule, verdict, type CompiledRule, type OnWarning, type RunOptions } from './compiledRule.js';
import { feelHelpers } from './helpers.js';
import { runRulesetTests } from './rulesetTests.js';
import type { RulesetContent, RulesetProblem, RuleTestInput, RuleViolation } from './types.js';

type Data = Record<string, unknown>;
type Lookups = RuleTestInput['lookups'];

/** Thrown when a rule set cannot be compiled; each problem names the rule and the position. */
export class RulesetError extends Error {
  constructor(readonly problems: RulesetProblem[]) { super(problems.map((p) => `${p.path}: ${p.message}`).join('; ')); }
}

function verdicts(rules: CompiledRule[], variables: Data, onWarning?: OnWarning, options?: RunOptions): RuleViolation[] {
  const found: RuleViolation[] = [];
  for (const rule of rules) {
    const violation = verdict(rule, variables, onWarning, options);
    if (violation) found.push(violation);
  }
  return found;
}

/** Orders ISO dates and other text by code unit (what FEEL's `<` does), nulls first. */
const compareText = (a: unknown, b: unknown): number => {
  const [x, y] = [a === null || a === undefined ? '' : String(a), b === null || b === undefined ? '' : String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * A rule set compiled once per published version: every FEEL expression parsed into a function of
 * the known variables (the record's fields, the lookups, the parameters, `segments` for group
 * rules, and the date helpers) and, where it can be, translated to JavaScript. Pure TypeScript +
 * feelin: the browser runs this same code.
 */
export class CompiledRuleset {
  private readonly rules: CompiledRule[];
  /** Every field as null: group members are completed with it, so a missing field reads as null. */
  private readonly blank: Data;
  private readonly fields: ReadonlySet<string>;
  private readonly fieldList: readonly string[];
  private readonly lookupNames: readonly string[];
  /** Every variable's value before a record is filled in: nulls, then helpers and parameters. */
  private readonly base: Data;

  constructor(readonly content: RulesetContent, fields: readonly string[]) {
    const parameters = Object.fromEntries(Object.entries(content.parameters ?? {}).map(([k, p]) => [k, p.value]));
    const constants: Data = { ...feelHelpers, ...parameters };
    this.blank = Object.fromEntries(fields.map((field) => [field, null]));
    this.fields = new Set(fields.filter((field) => !(field in constants)));
    this.fieldList = [...this.fields];
    this.lookupNames = Object.keys(content.lookups ?? {});
    const names = [...new Set([...fields, ...Object.keys(content.lookups ?? {}), 'segments', ...Object.keys(constants)])];
    this.base = { ...Object.fromEntries(names.map((name) => [name, null])), ...constants };
    const problems: RulesetProblem[] = [];
    const probe = { ...this.base, segments: [] };
    this.rules = content.rules.flatMap((rule, index) => compileRule(rule, index, names, this.fields, probe, problems) ?? []);
    if (problems.length > 0) throw new RulesetError(problems);
  }

  /** Every rule the record breaks, with the group (the record plus `others`) for group rules. */
  judge(input: RuleTestInput, onWarning?: OnWarning, options?: RunOptions): RuleViolation[] {
    const variables = this.variables(input.record, input.lookups, this.segments([...(input.others ?? []), input.record]));
    return verdicts(this.rules, variables, onWarning, input.channel ? { ...options, channel: input.channel } : options);
  }

  /**
   * The records of one group judged together (a person's segments in a form or an import): record
   * rules per record, group rules once — their verdict is the group's, given to every member —
   * unless a group rule also reads the record's own fields. Same verdicts as `judge` per member.
   */
  judgeGroup(records: Data[], lookups?: Lookups, onWarning?: OnWarning, options?: RunOptions): RuleViolation[][] {
    const segments = this.segments(records);
    const once = this.rules.filter((r) => r.rule.scope === 'group' && !r.readsRecord);
    const perRecord = this.rules.filter((r) => !once.includes(r));
    const shared = records.length > 0 ? verdicts(once, this.variables(records[0]!, lookups, segments), onWarning, options) : [];
    return records.map((record) => {
      const variables = this.variables(record, lookups, segments);
      const own = verdicts(perRecord, variables, onWarning, options);
      if (shared.length === 0 || own.length === 0) return [...own, ...shared];
      // Keep the rule set's order of rules, as `judge` gives it.
      return this.rules.flatMap((r) => [...own, ...shared].filter((v) => (v.rule ?? v.code) === r.rule.id));
    });
  }

  /**
   * Whether a rule of this set applies to a record: its `when` holds (a rule without `when`
   * always applies); false for a rule the set does not have. E.g. who needs supplementary material.
   */
  applies(ruleId: string, input: RuleTestInput, onWarning?: OnWarning): boolean {
    const compiled = this.rules.find((r) => r.rule.id === ruleId);
    if (!compiled?.when) return compiled !== undefined;
    const { value, warnings } = compiled.when.run(this.variables(input.record, input.lookups,
      this.segments([...(input.others ?? []), input.record])));
    if (warnings.length) onWarning?.(ruleId, warnings);
    return value === true;
  }

  /** The rule set's own test cases, each judged both translated and by feelin (the two must agree). */
  runTests(): RulesetProblem[] {
    return runRulesetTests(this.content.tests ?? [], (input, onWarning, options) => this.judge(input, onWarning, options));
  }

  private segments(members: Data[]): Data[] {
    const segments = members.map((member) => this.complete(member));
    const orderBy = this.content.group?.orderBy;
    if (orderBy) segments.sort((a, b) => compareText(a[orderBy], b[orderBy]));
    return segments;
  }

  /** Per record only what differs: the rest (parameters, helpers, nulls) comes from the prototype. */
  private variables(record: Data, lookups: Lookups, segments: Data[]): Data {
    const variables = Object.create(this.base) as Data;
    for (const name of this.fieldList) {
      const value = record[name];
      if (value !== undefined) variables[name] = value;
    }
    for (const name of this.lookupNames) variables[name] = lookups?.[name] ?? null;
    variables.segments = segments;
    return variables;
  }

  /** A group member with every field (missing ones null), copied only when something is missing. */
  private complete(member: Data): Data {
    for (const field of this.fields) if (!(field in member)) return { ...this.blank, ...member };
    return member;
  }
}
