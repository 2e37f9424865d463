import type { DefinitionRegistry, EntityVersion } from '../definitions/index.js';
import type { ErrorItem } from '../errors/index.js';
import type { ImportLayout } from '../excel/index.js';
import { newId } from '../ids/index.js';
import { noRulesetInForce, type ImportUnitPlan, type RecordRow } from '../records/index.js';
import type { ConvertedRow, RowProblem } from './convert.js';
import { matchKey, type ImportLookups } from './lookups.js';

type Data = Record<string, unknown>;

/** A row checked on its own: the data to store, the record it replaces, its problems so far. */
export interface PreparedRow {
  rowNumber: number;
  raw: ConvertedRow['raw'];
  data: Data;
  previous?: RecordRow;
  problems: RowProblem[];
  groupKey?: string;
}

/** Rows written all or nothing: one row, or the rows of one group (a person's segments of a year). */
export interface ImportUnit {
  rows: PreparedRow[];
  /** Judged while the file was still being read, when it had `rows` rows: its problems, or none. */
  verdict?: { rows: number; failures: Map<number, RowProblem[]> | undefined };
}

/** Gathers prepared rows into units while the file is read. */
export interface UnitCollector {
  add(row: PreparedRow): void;
  units(): ImportUnit[];
}

/** A unit judged: what to write, or every row's problems. */
export type Judged = { plan: ImportUnitPlan; failures?: undefined } | { plan?: undefined; failures: Map<number, RowProblem[]> };

export interface PlannerOptions {
  entity: EntityVersion;
  layout: ImportLayout;
  lookups: ImportLookups;
  registry: DefinitionRegistry;
  orgId: string;
  overwrite: boolean;
}

const GROUP_FAILED = '同一组（如同一人员同一考试年度）的其他行有错误，本行也未导入；请一并改正后重新导入。';

/**
 * Judges import rows the way single entry is judged — the same normalisation, schema and rule
 * sets (channel `import`) — plus what only an import has: rows of the same record in the file,
 * records that already exist (an error, or replaced with overwrite), and groups judged together
 * with their stored members.
 */
export class ImportPlanner {
  private readonly seen = new Map<string, number>();
  private readonly declaration;
  private readonly columnFields: Set<string>;
  /** Stored records by group key (built once: a re-import with overwrite looks up every group). */
  private groups?: Map<string, RecordRow[]>;

  constructor(private readonly options: PlannerOptions) {
    this.declaration = options.entity.definition.content.import!;
    this.columnFields = new Set(options.layout.columns.flatMap((c) => (c.field ? [c.field] : [])));
    if (this.declaration.owner) this.columnFields.add(this.declaration.owner);
  }

  /**
   * Rows gathered into units as they are read, in the order of each unit's first row
   * (deterministic for a given file). A unit whose rows have stopped coming (the next row belongs
   * to another group: the usual case of a person's rows side by side) is judged at once, while the
   * rest of the file is still being read; if more of its rows turn up later, it is judged again.
   */
  collector(): UnitCollector {
    const units = new Map<string, ImportUnit>();
    let index = 0;
    let last: ImportUnit | undefined;
    return {
      add: (row) => {
        const key = this.declaration.group && row.groupKey !== undefined ? row.groupKey : `\u0000${index}`;
        index += 1;
        let unit = units.get(key);
        if (unit) unit.rows.push(row);
        else units.set(key, unit = { rows: [row] });
        if (last && last !== unit) this.judgeEarly(last);
        last = unit;
      },
      units: () => [...units.values()],
    };
  }

  /** Only the verdict is kept (the plan is made when the unit is written, so it is not held meanwhile). */
  private judgeEarly(unit: ImportUnit): void {
    if (unit.verdict?.rows !== unit.rows.length) unit.verdict = { rows: unit.rows.length, failures: this.check(unit) };
  }

  /** The unit's verdict: the one given while reading if no row joined it since, else judged now. */
  verdictOf(unit: ImportUnit): Judged {
    if (unit.verdict?.rows !== unit.rows.length) return this.judge(unit);
    const { failures } = unit.verdict;
    return failures ? { failures } : { plan: this.planOf(unit) };
  }

  /** Where a problem at a JSON pointer belongs: the column of its field (the person's columns for the owner). */
  private columnOf(path: string | undefined): string | undefined {
    const field = path?.split('/')[1];
    if (!field) return undefined;
    if (field === this.declaration.owner) return '@personIdNumber';
    return this.options.layout.columns.find((c) => c.field === field)?.key;
  }

  private toProblems(items: readonly ErrorItem[]): RowProblem[] {
    return items.map((item) => ({ column: this.columnOf(item.path), message: item.message }));
  }

  /** What a replaced record keeps: fields the sheet has no column for (scans)… */
  private kept(previous: Data): Data {
    return Object.fromEntries(Object.entries(previous).filter(([field]) => !this.columnFields.has(field)));
  }

  /** …and single-edit fields (在职状态: changed one person at a time, never by an import), over the file's values. */
  private singleEdits(previous: Data): Data {
    return Object.fromEntries(this.options.entity.schema.singleEditFields
      .filter((field) => previous[field] !== undefined).map((field) => [field, previous[field]]));
  }

  /**
   * A row checked on its own, as soon as it is read: normalised (derived fields), matched against
   * the stored records and the rows before it, merged with the record it replaces, validated.
   */
  prepare(row: ConvertedRow): PreparedRow {
    const { entity, lookups, overwrite } = this.options;
    const { match, group } = this.declaration;
    const problems = row.problems;
    const first = entity.schema.normalize(row.data);
    const key = matchKey(match, first);
    const stored = key === undefined ? undefined : lookups.stored.get(key)?.[0];
    if (key !== undefined) {
      const earlier = this.seen.get(key);
      if (earlier !== undefined) problems.push({ message: `与第 ${earlier} 行是同一条记录，请删除重复的行。` });
      else this.seen.set(key, row.rowNumber);
    }
    if (stored && !overwrite) {
      problems.push({ message: '系统中已有这条记录。如需用本文件的内容替换，请勾选“覆盖已存在的数据”后重新导入；否则请删除此行。' });
    }
    const previous = stored && overwrite ? stored : undefined;
    const data = previous ? entity.schema.normalize({ ...this.kept(previous.data), ...row.data, ...this.singleEdits(previous.data) }) : first;
    problems.push(...this.toProblems(entity.schema.validate(data)));
    return { rowNumber: row.rowNumber, raw: row.raw, data, previous, problems,
      groupKey: group ? matchKey(group, first) : undefined };
  }

  /** Rules over the unit's rows (with the group's stored records), then what to write or why not. */
  judge(unit: ImportUnit): Judged {
    const failures = this.check(unit);
    return failures ? { failures } : { plan: this.planOf(unit) };
  }

  /** Every row's problems when any row of the unit has one (the others are told why they wait), else undefined. */
  private check(unit: ImportUnit): Map<number, RowProblem[]> | undefined {
    const rows = unit.rows;
    const failures = new Map<number, RowProblem[]>(rows.map((row) => [row.rowNumber, [...row.problems]]));
    const others = this.options.overwrite ? [] : this.groupOf(unit).map((r) => r.data);
    this.judgeRules(rows, others).forEach((items, index) => failures.get(rows[index]!.rowNumber)!.push(...this.toProblems(items)));
    if (![...failures.values()].some((p) => p.length > 0)) return undefined;
    for (const problems of failures.values()) if (problems.length === 0) problems.push({ message: GROUP_FAILED });
    return failures;
  }

  private groupOf(unit: ImportUnit): RecordRow[] {
    const key = unit.rows[0]!.groupKey;
    return key === undefined ? [] : this.storedInGroup(key);
  }

  private planOf(unit: ImportUnit): ImportUnitPlan {
    return this.plan(unit.rows, this.options.overwrite ? this.groupOf(unit) : []);
  }

  private storedInGroup(groupKey: string): RecordRow[] {
    if (!this.groups) {
      const group = this.declaration.group!;
      this.groups = new Map();
      for (const record of [...this.options.lookups.stored.values()].flat()) {
        const key = matchKey(group, record.data);
        if (key !== undefined) this.groups.set(key, [...(this.groups.get(key) ?? []), record]);
      }
    }
    return this.groups.get(groupKey) ?? [];
  }

  /** The rule sets' verdicts (channel `import`) on the unit's rows, judged together with the group's stored records. */
  /** The rule sets of a record, by what selects them (the exam year): looked up once per year, not per unit. */
  private readonly rulesetCache = new Map<unknown, ReturnType<DefinitionRegistry['rulesetsFor']>>();
  private rulesetsOf(data: Data) {
    let found = this.rulesetCache.get(data.examYear);
    if (!found) {
      found = this.options.registry.rulesetsFor(this.options.entity.definition.key, data);
      this.rulesetCache.set(data.examYear, found);
    }
    return found;
  }

  private judgeRules(rows: Array<{ data: Data }>, others: Data[]): ErrorItem[][] {
    const { registry, entity, lookups } = this.options;
    const first = rows[0]!;
    const rulesets = this.rulesetsOf(first.data);
    if (rulesets.length === 0) {
      return rows.map((row) => noRulesetInForce(registry, { id: '', entity: entity.definition.key, orgId: this.options.orgId,
        defVersion: 0, version: 0, data: row.data }));
    }
    const verdicts: ErrorItem[][] = rows.map(() => []);
    for (const ruleset of rulesets) {
      const resolved = Object.fromEntries(Object.entries(ruleset.content.lookups ?? {})
        .map(([name, field]) => [name, lookups.personsById.get(String(first.data[field]))?.data ?? null]));
      const judged = ruleset.judgeGroup([...rows.map((r) => r.data), ...others], resolved, undefined, { channel: 'import' });
      rows.forEach((_row, index) => verdicts[index]!.push(...judged[index]!));
    }
    return verdicts;
  }

  private plan(rows: Array<{ rowNumber: number; data: Data; previous?: RecordRow }>, groupStored: RecordRow[]): ImportUnitPlan {
    const { entity, orgId } = this.options;
    const records = rows.map(({ rowNumber, data, previous }) => ({ rowNumber, previous, row: previous
      ? { ...previous, defVersion: entity.definition.version, version: previous.version + 1, data }
      : { id: newId(), entity: entity.definition.key, orgId, defVersion: entity.definition.version, version: 1, data } }));
    const kept = new Set(records.flatMap((r) => (r.previous ? [r.previous.id] : [])));
    return { records, deletes: groupStored.filter((r) => !kept.has(r.id)) };
  }
}
