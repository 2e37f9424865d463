import type { Knex } from 'knex';
import type { DefinitionDraftView } from '../contract/index.js';
import { newId } from '../ids/index.js';

interface DraftRow { kind: string; key: string; content: string; based_on: number | null; updated_at: string; updated_by: string | null;
  username?: string | null }

export interface StoredDraft extends DefinitionDraftView { kind: string; key: string }

const toDraft = (row: DraftRow): StoredDraft => ({
  kind: row.kind, key: row.key, content: JSON.parse(row.content) as Record<string, unknown>,
  basedOn: row.based_on === null ? null : Number(row.based_on), updatedAt: row.updated_at, updatedBy: row.username ?? null,
});

/** Drafts of the designer (`definition_drafts`): one per definition, kept as typed until published or discarded. */
export class DraftRepository {
  constructor(private readonly knex: Knex) {}

  private query() {
    return this.knex('definition_drafts').leftJoin('accounts', 'accounts.id', 'definition_drafts.updated_by')
      .select('definition_drafts.*', 'accounts.username');
  }

  async get(kind: string, key: string): Promise<StoredDraft | undefined> {
    const row = await this.query().where({ 'definition_drafts.kind': kind, 'definition_drafts.key': key }).first() as DraftRow | undefined;
    return row ? toDraft(row) : undefined;
  }

  /** Which definitions have a draft, without their content. */
  async keys(): Promise<Array<{ kind: string; key: string; title: string }>> {
    const rows = await this.knex('definition_drafts').select('kind', 'key', 'content') as DraftRow[];
    return rows.map((r) => ({ kind: r.kind, key: r.key, title: String((JSON.parse(r.content) as { title?: unknown }).title ?? r.key) }));
  }

  async save(draft: { kind: string; key: string; content: Record<string, unknown>; basedOn: number | null }, at: string,
    by: string): Promise<StoredDraft> {
    const values = { content: JSON.stringify(draft.content), based_on: draft.basedOn, updated_at: at, updated_by: by };
    await this.knex('definition_drafts').insert({ id: newId(), kind: draft.kind, key: draft.key, ...values })
      .onConflict(['kind', 'key']).merge(values);
    return (await this.get(draft.kind, draft.key))!;
  }

  async delete(kind: string, key: string): Promise<boolean> {
    return (await this.knex('definition_drafts').where({ kind, key }).delete()) > 0;
  }
}
