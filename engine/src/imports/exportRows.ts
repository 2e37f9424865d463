import type { AccessPolicy, Actor } from '../access/index.js';
import { maskIdNumber, writeAudit } from '../audit/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { Database } from '../db/index.js';
import type { EntityVersion } from '../definitions/index.js';
import type { CellValue, ImportColumn, ImportLayout } from '../excel/index.js';
import { mayReveal, type RecordService, type RecordView } from '../records/index.js';
import type { ImportLookups } from './lookups.js';

type Data = Record<string, unknown>;

const PAGE = 100;

/** Each referenced entity's record titles by id (the reverse of `byTitle`), made once per export. */
const titlesById = new WeakMap<ImportLookups, Map<string, Map<string, string>>>();
function titleOf(lookups: ImportLookups, entity: string | undefined, id: unknown): string | null {
  let titles = titlesById.get(lookups);
  if (!titles) {
    titles = new Map([...lookups.byTitle].map(([name, byTitle]) => [name, new Map([...byTitle].map(([title, r]) => [r.id, title]))]));
    titlesById.set(lookups, titles);
  }
  return titles.get(entity ?? '')?.get(String(id)) ?? null;
}

/** A stored value as the sheet shows it: labels for codes, names for references. */
function cellOf(column: ImportColumn, value: unknown, lookups: ImportLookups): CellValue {
  if (value === undefined || value === null) return null;
  if (column.kind === 'dictionary') return column.dictionary?.items.find((i) => i.code === value)?.label ?? String(value);
  if (column.kind === 'ref') return titleOf(lookups, column.refEntity, value);
  return typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
}

/**
 * Sensitive values in an export: masked (110101********1234) without the reveal permission — the
 * entity's own `x-sensitive` columns by its permission, the person's ID number column by the
 * person's — and, with it, the records whose values went out in full, for one `sensitive.reveal` audit row.
 */
export class ExportPrivacy {
  private readonly maskOwn: boolean;
  readonly maskPersonId: boolean;
  private readonly revealed = new Map<string, Set<string>>();

  constructor(access: AccessPolicy, private readonly actor: Actor, private readonly entity: EntityVersion) {
    this.maskOwn = !mayReveal(access, actor, entity.definition.key);
    this.maskPersonId = !mayReveal(access, actor, 'person');
  }

  /** A sensitive value as the sheet shows it; one shown in full is remembered for the audit row. */
  shown(recordId: string, field: string, value: string, masked: boolean): string {
    if (masked) return maskIdNumber(value);
    this.revealed.set(field, (this.revealed.get(field) ?? new Set()).add(recordId));
    return value;
  }

  /** The cell of one of the entity's sensitive columns (masked, or in full and remembered); undefined for any other column. */
  field(recordId: string, field: string, value: unknown): string | undefined {
    if (typeof value !== 'string' || !this.entity.schema.sensitiveFields.includes(field)) return undefined;
    return this.shown(recordId, field, value, this.maskOwn);
  }

  /** The audit row of what the export revealed (record ids, field names, count; never the values), if anything. */
  async audit(db: Database, clock: Clock): Promise<void> {
    if (this.revealed.size === 0) return;
    const ids = [...new Set([...this.revealed.values()].flatMap((set) => [...set]))];
    await writeAudit(db.knex, this.actor, { action: 'sensitive.reveal', entity: this.entity.definition.key,
      details: { export: true, recordIds: ids, fields: [...this.revealed.keys()], count: ids.length } }, isoNow(clock));
  }
}

/** The person columns of a person-linked row: from the person the record belongs to. */
function personCells(person: Data | undefined, layout: ImportLayout, lookups: ImportLookups, privacy: ExportPrivacy,
  recordId: string): Map<string, CellValue> {
  const cells = new Map<string, CellValue>();
  if (!person) return cells;
  const typeColumn = layout.columns.find((c) => c.key === '@personDocumentType');
  cells.set('@personName', typeof person.name === 'string' ? person.name : null);
  cells.set('@personDocumentType', typeColumn ? cellOf(typeColumn, person.documentType, lookups) : null);
  cells.set('@personIdNumber', typeof person.idNumber === 'string'
    ? privacy.shown(recordId, '@personIdNumber', person.idNumber, privacy.maskPersonId) : null);
  cells.set('@personDepartment', titleOf(lookups, 'department', person.departmentId));
  return cells;
}

/** A record as a sheet row in the layout's column order (so an export edited by hand imports back). */
export function exportRow(layout: ImportLayout, owner: string | undefined, record: RecordView, lookups: ImportLookups,
  privacy: ExportPrivacy): CellValue[] {
  const person = owner ? personCells(lookups.personsById.get(String(record.data[owner]))?.data, layout, lookups, privacy, record.id) : undefined;
  return layout.columns.map((column) => {
    if (column.key === '@institution') return lookups.orgName;
    if (column.field) return privacy.field(record.id, column.field, record.data[column.field]) ?? cellOf(column, record.data[column.field], lookups);
    return person?.get(column.key) ?? null;
  });
}

/** Every record of the list the user sees (same search and filters), page by page. */
export async function* listedRecords(records: RecordService, actor: Actor, entity: string,
  query: Record<string, string | string[] | undefined>): AsyncGenerator<RecordView> {
  for (let page = 1; ; page += 1) {
    const result = await records.list(actor, entity, { ...query, page: String(page), pageSize: String(PAGE) });
    yield* result.items;
    if (page * PAGE >= result.total || result.items.length === 0) return;
  }
}
