import type { Actor } from '../access/index.js';
import type { Database } from '../db/index.js';
import { applyReadScope } from '../records/scope.js';

/** A stored record as the designer's checks read it, with its organisation's name. */
export interface ScopedRecord { id: string; orgId: string; orgName: string; data: Record<string, unknown> }

/** How many records a replay or impact check reads at most (it says so when there were more). */
export const RECORD_CAP = 20_000;
const CHUNK = 500;

/** Reads stored records for the designer's checks: always within the caller's org scope, in a stable order. */
export class StoredRecords {
  constructor(private readonly db: Database) {}

  private scoped(actor: Actor, entity: string) {
    return applyReadScope(this.db.reader('records').join('orgs', 'orgs.id', 'records.org_id').where('records.entity', entity), actor);
  }

  /** Up to `RECORD_CAP` records of an entity (of one value of `filter.field` when given); `capped` when there were more. */
  async read(actor: Actor, entity: string, filter?: { field: string; value: string | number }): Promise<{ rows: ScopedRecord[]; capped: boolean }> {
    const query = this.scoped(actor, entity);
    if (filter) {
      const [sql, bindings] = this.db.dialect.jsonEquals('records.data', filter.field, filter.value);
      void query.whereRaw(sql, bindings);
    }
    const raw = await query.select('records.id', 'records.org_id', 'records.data', 'orgs.name as org_name')
      .orderBy('records.id').limit(RECORD_CAP + 1) as Array<{ id: string; org_id: string; org_name: string; data: unknown }>;
    const rows = raw.slice(0, RECORD_CAP).map((r) => ({ id: r.id, orgId: r.org_id, orgName: r.org_name,
      data: this.db.recordData.open(entity, this.db.dialect.parseJson(r.data) as Record<string, unknown>) }));
    return { rows, capped: raw.length > RECORD_CAP };
  }

  /** The distinct values of a top-level field among the entity's records in scope (e.g. the exam years filed). */
  async distinct(actor: Actor, entity: string, field: string): Promise<string[]> {
    const expression = this.db.dialect.jsonText('records.data', field);
    const rows = await this.scoped(actor, entity).distinct(this.db.reader.raw(`${expression} as value`)) as Array<{ value: unknown }>;
    return rows.map((r) => r.value).filter((v) => v !== null && v !== undefined).map(String);
  }

  /** Records by id (any entity), for lookups and labels; the caller keeps only those of the same organisation. */
  async byIds(ids: Iterable<string>): Promise<Map<string, ScopedRecord>> {
    const unique = [...new Set(ids)];
    const found = new Map<string, ScopedRecord>();
    for (let i = 0; i < unique.length; i += CHUNK) {
      const raw = await this.db.reader('records').whereIn('id', unique.slice(i, i + CHUNK)).select('id', 'entity', 'org_id', 'data') as
        Array<{ id: string; entity: string; org_id: string; data: unknown }>;
      for (const r of raw) {
        found.set(r.id, { id: r.id, orgId: r.org_id, orgName: '', data: this.db.recordData.open(r.entity, this.db.dialect.parseJson(r.data) as Record<string, unknown>) });
      }
    }
    return found;
  }
}
