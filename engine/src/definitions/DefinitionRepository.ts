import { newId } from '../ids/index.js';
import type { Knex } from 'knex';
import type { DefinitionModel, Models } from '../db/index.js';
import type { DefinitionContent, DefinitionKind, StoredDefinition } from './types.js';

const toStored = (row: DefinitionModel): StoredDefinition => ({
  kind: row.kind as DefinitionKind,
  key: row.key,
  version: row.version,
  status: row.status,
  checksum: row.checksum,
  content: row.content as DefinitionContent,
  ...(row.publishedAt ? { publishedAt: row.publishedAt } : {}),
});

export interface NewVersion {
  content: DefinitionContent;
  checksum: string;
  source: 'file' | 'designer';
  sourcePath?: string;
  createdBy?: string;
  /** Why it was published (designer); null for files. */
  note?: string;
  now: string;
}

/** One published version as the history lists it (newest first). */
export interface VersionSummary {
  version: number;
  publishedAt: string;
  /** The publisher's username; null for versions loaded from files. */
  publishedBy: string | null;
  source: 'file' | 'designer';
  note: string | null;
}

/** Definition versions in the database. Published rows are never updated (a trigger enforces it too). */
export class DefinitionRepository {
  constructor(private readonly models: Models) {}

  /** The version in force of every published definition: the highest published version per key. */
  async inForce(trx?: Knex.Transaction): Promise<StoredDefinition[]> {
    const { Definition } = this.models;
    const rows = await Definition.query(trx).where('status', 'published')
      .whereIn(['kind', 'key', 'version'], Definition.query(trx).select('kind', 'key').max('version')
        .where('status', 'published').groupBy('kind', 'key'));
    return rows.map(toStored);
  }

  /** How many versions were ever published: it grows with every publication (rows are never deleted), by any engine. */
  async publishedCount(): Promise<number> {
    return this.models.Definition.query().where('status', 'published').resultSize();
  }

  async byVersion(kind: DefinitionKind, key: string, version: number): Promise<StoredDefinition | undefined> {
    const row = await this.models.Definition.query().findOne({ kind, key, version, status: 'published' });
    return row ? toStored(row) : undefined;
  }

  /** Every published version of one definition, newest first, with who published it. */
  async history(kind: DefinitionKind, key: string): Promise<VersionSummary[]> {
    const rows = await this.models.Definition.query().leftJoin('accounts', 'accounts.id', 'definitions.created_by')
      .where({ 'definitions.kind': kind, 'definitions.key': key, 'definitions.status': 'published' })
      .orderBy('definitions.version', 'desc')
      .select('definitions.version', 'definitions.published_at', 'definitions.source', 'definitions.note', 'accounts.username') as unknown as
      Array<{ version: number; publishedAt: string; source: 'file' | 'designer'; note: string | null; username: string | null }>;
    return rows.map((r) => ({ version: r.version, publishedAt: r.publishedAt, publishedBy: r.username ?? null, source: r.source,
      note: r.note ?? null }));
  }

  /** The checksum of the newest version that came from a file, to tell whether the file changed. */
  async latestFileChecksum(kind: DefinitionKind, key: string, trx?: Knex.Transaction): Promise<string | undefined> {
    const row = await this.models.Definition.query(trx).where({ kind, key, source: 'file' })
      .orderBy('version', 'desc').first();
    return row?.checksum;
  }

  /** Publishes a new immutable version, numbered after every existing one of this key. */
  async publish(version: NewVersion, trx?: Knex.Transaction): Promise<StoredDefinition> {
    const { Definition } = this.models;
    const { kind, key, title, schemaVersion } = version.content;
    const latest = await Definition.query(trx).where({ kind, key }).max('version as max').first();
    const next = Number((latest as unknown as { max: number | null } | undefined)?.max ?? 0) + 1;
    const row = await Definition.query(trx).insertAndFetch({
      id: newId(), kind, key, version: next, status: 'published', schemaVersion, title,
      content: version.content, checksum: version.checksum, source: version.source,
      sourcePath: version.sourcePath ?? null, createdAt: version.now, publishedAt: version.now,
      createdBy: version.createdBy ?? null, note: version.note ?? null,
    });
    return toStored(row);
  }
}
