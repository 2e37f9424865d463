import type { Knex } from 'knex';
import type { Database } from '../db/index.js';
import type { EntityVersion } from '../definitions/index.js';
import { toRecordRow, type RawRecord, type RecordRow } from '../records/index.js';

type Data = Record<string, unknown>;

/** What the import reads once per job instead of once per row: the institution's records by what a sheet names. */
export interface ImportLookups {
  orgName: string;
  /** Persons by `documentType␟idNumber`. */
  persons: Map<string, RecordRow>;
  personsById: Map<string, RecordRow>;
  /** Records of referenced entities by their title (department name → record), per entity. */
  byTitle: Map<string, Map<string, RecordRow>>;
  /** The imported entity's stored records by their match values (`import.match`), each key → records. */
  stored: Map<string, RecordRow[]>;
}

const SEPARATOR = '\u001f';

/** The key of a record's match values; undefined when one of them is missing. */
export function matchKey(fields: readonly string[], data: Data): string | undefined {
  const values = fields.map((f) => data[f]);
  if (values.some((v) => v === undefined || v === null || v === '')) return undefined;
  return values.map((v) => String(v)).join(SEPARATOR);
}

export const personKey = (documentType: unknown, idNumber: unknown): string => `${String(documentType)}${SEPARATOR}${String(idNumber)}`;

/** Records read per query by `recordsOf`: each page is one short synchronous block on SQLite. */
const PAGE = 2000;

/**
 * Reads an organisation's records of one entity (all of them: imports judge against the whole set),
 * a page at a time in id order with a turn of the event loop between pages: 50,000 persons read in
 * one query held the API up for ~0.3 s.
 */
export async function recordsOf(db: Database, entity: string, orgId: string, trx?: Knex, pageSize = PAGE): Promise<RecordRow[]> {
  const all: RecordRow[] = [];
  for (let after = ''; ;) {
    const page = await (trx ?? db.reader)('records').where({ entity, org_id: orgId }).andWhere('id', '>', after)
      .orderBy('id').limit(pageSize).select('id', 'entity', 'org_id', 'def_version', 'version', 'data') as RawRecord[];
    for (const raw of page) all.push(toRecordRow(raw, db));
    if (page.length < pageSize) return all;
    after = page[page.length - 1]!.id;
    await new Promise<void>((resolve) => { setImmediate(resolve); });
  }
}

/** Everything a job resolves names against, loaded in a few queries. */
export async function loadLookups(db: Database, entity: EntityVersion, orgId: string, orgName: string,
  refEntities: ReadonlyMap<string, string>): Promise<ImportLookups> {
  const declaration = entity.definition.content.import!;
  const persons = new Map<string, RecordRow>();
  if (declaration.owner || entity.definition.key === 'person') {
    for (const person of await recordsOf(db, 'person', orgId)) persons.set(personKey(person.data.documentType, person.data.idNumber), person);
  }
  const byTitle = new Map<string, Map<string, RecordRow>>();
  for (const [target, titleField] of refEntities) {
    const named = new Map<string, RecordRow>();
    for (const row of await recordsOf(db, target, orgId)) {
      const title = row.data[titleField];
      if (typeof title === 'string') named.set(title, row);
    }
    byTitle.set(target, named);
  }
  const stored = new Map<string, RecordRow[]>();
  const own = entity.definition.key === 'person' ? [...persons.values()] : await recordsOf(db, entity.definition.key, orgId);
  for (const row of own) {
    const key = matchKey(declaration.match, row.data);
    if (key !== undefined) stored.set(key, [...(stored.get(key) ?? []), row]);
  }
  const personsById = new Map([...persons.values()].map((p) => [p.id, p]));
  return { orgName, persons, personsById, byTitle, stored };
}
