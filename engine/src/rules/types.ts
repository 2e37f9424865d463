/** A parameter of a rule set: a value the bureau changes for a new year without touching the rules. */
export interface RuleParameter {
  title?: string;
  type?: 'date' | 'number' | 'string' | 'boolean' | 'list';
  value: unknown;
  note?: string;
}

/** How a record arrives: typed in one at a time, or imported from a file. */
export type RuleChannel = 'entry' | 'import';

/** One rule: when it applies, what must hold, what to say and which field to blame (FEEL expressions). */
export interface Rule {
  id: string;
  /** `record`: one record; `group`: all records of the group (e.g. one person's probation segments). */
  scope?: 'record' | 'group';
  /** The channels the rule applies on (default: all): e.g. a scan required on single entry, not on import. */
  on?: RuleChannel[];
  when?: string;
  assert: string;
  message: string;
  path?: string;
  /** Extra values the message quotes as `{name}`, computed only when the rule fails. */
  values?: Record<string, string>;
}

export interface RuleTestInput {
  record: Record<string, unknown>;
  lookups?: Record<string, Record<string, unknown> | null>;
  /** The other records of the record's group (already stored). */
  others?: Array<Record<string, unknown>>;
  /** The channel the record arrives on (default: every rule applies). */
  channel?: RuleChannel;
}

export interface RuleTest {
  name: string;
  input: RuleTestInput;
  expect: string[];
}

/** The content of a `ruleset` definition. */
export interface RulesetContent {
  kind: 'ruleset';
  key: string;
  title: string;
  appliesTo: { entity: string; examYear?: number };
  /** Variables holding referenced records: `{ person: 'personId' }`. */
  lookups?: Record<string, string>;
  /** Group rules see `segments`: the records sharing `by`, ordered by `orderBy`. */
  group?: { by: string; orderBy?: string };
  parameters?: Record<string, RuleParameter>;
  rules: Rule[];
  tests?: RuleTest[];
}

/** A rule's verdict as data (merged with ajv's errors into the 422 body). */
export type RuleViolation = {
  code: string;
  path?: string;
  message: string;
  /** With code RULE_ERROR: the rule that could not be evaluated. */
  rule?: string;
};

/** A problem of a rule set found when it is loaded or published. */
export interface RulesetProblem {
  path: string;
  message: string;
}
