import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../config/index.js';
import { openDatabase } from '../../db/index.js';
import { DefinitionRegistry, DefinitionRepository, loadDefinitionFiles, MetaSchemas } from '../../definitions/index.js';
import { importLayout, type ImportLayout } from '../index.js';

/** The shipped definitions published into a throw-away SQLite database, and a registry over them. */
export async function shippedRegistry(): Promise<{ registry: DefinitionRegistry; dispose(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'excel-defs-'));
  const db = openDatabase({ client: 'sqlite', filename: path.join(dir, 'test.sqlite') });
  await db.migrateLatest();
  const definitions = path.join(repoRoot, 'definitions');
  await loadDefinitionFiles(db, definitions, new MetaSchemas(path.join(definitions, 'schemas')), '2026-11-25T10:00:00.000Z');
  const registry = new DefinitionRegistry(new DefinitionRepository(db.models));
  await registry.refresh();
  return { registry, dispose: async () => { await db.destroy(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

export function layoutOf(registry: DefinitionRegistry, entity: string): ImportLayout {
  const layout = importLayout(registry.entity(entity)!, registry);
  if (!layout) throw new Error(`${entity} has no import layout`);
  return layout;
}

/** A temporary directory removed by the returned function. */
export function tempDir(): { dir: string; file(name: string): string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'excel-test-'));
  return { dir, file: (name) => path.join(dir, name), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

