import type { Actor } from '../access/index.js';
import type { CellValue, ImportColumn, ImportLayout } from '../excel/index.js';
import type { RecordService, RecordView } from '../records/index.js';
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

/** The person columns of a person-linked row: from the person the record belongs to. */
function personCells(person: Data | undefined, layout: ImportLayout, lookups: ImportLookups): Map<string, CellValue> {
  const cells = new Map<string, CellValue>();
  if (!person) return cells;
  const typeColumn = layout.columns.find((c) => c.key === '@personDocumentType');
  cells.set('@personName', typeof person.name === 'string' ? person.name : null);
  cells.set('@personDocumentType', typeColumn ? cellOf(typeColumn, person.documentType, lookups) : null);
  cells.set('@personIdNumber', typeof person.idNumber === 'string' ? person.idNumber : null);
  cells.set('@personDepartment', titleOf(lookups, 'department', person.departmentId));
  return cells;
}

/** A record as a sheet row in the layout's column order (so an export edited by hand imports back). */
export function exportRow(layout: ImportLayout, owner: string | undefined, record: RecordView, lookups: ImportLookups): CellValue[] {
  const person = owner ? personCells(lookups.personsById.get(String(record.data[owner]))?.data, layout, lookups) : undefined;
  return layout.columns.map((column) => {
    if (column.key === '@institution') return lookups.orgName;
    if (column.field) return cellOf(column, record.data[column.field], lookups);
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
