import type { DatabaseConfig } from '../../../config/index.js';
import type { Manifest, ManifestDatabase } from '../manifest.js';
import type { Snapshot } from '../snapshot.js';

/** How one kind of database is dumped and restored; chosen by `DatabaseConfig.client` (see index.ts). */
export interface DatabaseDumper {
  /**
   * Writes the dump into `dir` while the engine may keep running, and reads what it holds through
   * the same consistent view (so the manifest's row counts and attachment list match the dump).
   */
  dump(config: DatabaseConfig, dir: string): Promise<{ database: ManifestDatabase; snapshot: Snapshot }>;
  /** Refuses a backup this target cannot take (e.g. another PostgreSQL schema than the one dumped). */
  assertCompatible(config: DatabaseConfig, manifest: Manifest): void;
  /** Tables the target already has where the restore would write: any means "not empty". */
  existingTables(config: DatabaseConfig, manifest: Manifest): Promise<string[]>;
  /** Refuses when another process (an engine) still uses the target. */
  assertNotInUse(config: DatabaseConfig, manifest: Manifest): Promise<void>;
  /**
   * Replaces the target's contents with the dump, all or nothing where the database allows it.
   * `force`: the target may hold data (checked before), which is dropped.
   */
  restore(config: DatabaseConfig, dumpPath: string, manifest: Manifest, force: boolean): Promise<void>;
}
