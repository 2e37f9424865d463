import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../app/index.js';
import { loadConfig, repoRoot } from '../../config/index.js';
import { openDatabase, type Database } from '../../db/index.js';
import { createLogger } from '../../log/index.js';
import { testDatabases, type TestDatabase } from '../../testing/index.js';
import { checksumOf, DefinitionLoadError, DefinitionRegistry, DefinitionRepository, loadDefinitionFiles, MetaSchemas } from '../index.js';

const shipped = path.join(repoRoot, 'definitions');
const metaSchemas = new MetaSchemas(path.join(shipped, 'schemas'));
const now = '2026-11-25T10:00:00.000Z';

/** A copy of the shipped definitions that a test may edit. */
function copyDefinitions(): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'defs-')), 'definitions');
  fs.cpSync(shipped, dir, { recursive: true });
  return dir;
}

function editJson(file: string, edit: (content: any) => void): void {
  const content = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(content);
  fs.writeFileSync(file, JSON.stringify(content, null, 4));
}

describe.each(testDatabases())('definition loader (%s)', (_name, makeDatabase) => {
  let database: TestDatabase;
  let db: Database;
  let dir: string;
  let repository: DefinitionRepository;

  beforeEach(async () => {
    database = await makeDatabase();
    db = openDatabase(database.config);
    await db.migrateLatest();
    dir = copyDefinitions();
    repository = new DefinitionRepository(db.models);
  });
  afterEach(async () => {
    await db.destroy();
    await database.dispose();
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('publishes every file once, and nothing again while files are unchanged (layout changes included)', async () => {
    const first = await loadDefinitionFiles(db, dir, metaSchemas, now);
    expect(first.unchanged).toBe(0);
    expect(first.published.every((p) => p.version === 1)).toBe(true);
    editJson(path.join(dir, 'dictionaries/gender.json'), () => {}); // same content, different indentation
    const second = await loadDefinitionFiles(db, dir, metaSchemas, now);
    expect(second).toEqual({ published: [], unchanged: first.published.length });
  });

  it('turns a changed file into a new version in force, keeping the earlier one readable', async () => {
    await loadDefinitionFiles(db, dir, metaSchemas, now);
    editJson(path.join(dir, 'dictionaries/gender.json'), (c) => { c.items[0].label = '男性'; });
    const summary = await loadDefinitionFiles(db, dir, metaSchemas, now);
    expect(summary.published).toEqual([{ kind: 'dictionary', key: 'gender', version: 2, source: 'definitions/dictionaries/gender.json' }]);
    const registry = new DefinitionRegistry(repository);
    await registry.refresh();
    expect(registry.get('dictionary', 'gender')?.version).toBe(2);
    expect(registry.dictionary('gender')?.byCode.get('1')?.label).toBe('男性');
    const v1 = await repository.byVersion('dictionary', 'gender', 1);
    expect((v1?.content as any).items[0].label).toBe('男');
  });

  it('does not overwrite a version published in the designer while the file is unchanged', async () => {
    await loadDefinitionFiles(db, dir, metaSchemas, now);
    const file = JSON.parse(fs.readFileSync(path.join(dir, 'dictionaries/gender.json'), 'utf8'));
    const edited = { ...file, items: [...file.items, { code: '5', label: '女性改(变)为男性' }] };
    await repository.publish({ content: edited, checksum: checksumOf(edited), source: 'designer', now });
    await loadDefinitionFiles(db, dir, metaSchemas, now);
    const inForce = (await repository.inForce()).find((d) => d.key === 'gender');
    expect(inForce?.version).toBe(2);
    expect(inForce?.checksum).toBe(checksumOf(edited));
  });

  it('refuses an invalid file, naming file, path and problem, and writes nothing', async () => {
    await loadDefinitionFiles(db, dir, metaSchemas, now);
    const before = await db.knex('definitions').count<{ n: number }[]>({ n: '*' });
    editJson(path.join(dir, 'entities/person.json'), (c) => { c.schema.properties.nation['x-dictionary'] = 'nations'; });
    editJson(path.join(dir, 'dictionaries/gender.json'), (c) => { c.items[0].label = '男性'; });
    const error = await loadDefinitionFiles(db, dir, metaSchemas, now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DefinitionLoadError);
    expect((error as Error).message).toContain('definitions/entities/person.json: /schema/properties/nation/x-dictionary: 字典「nations」不存在');
    const after = await db.knex('definitions').count<{ n: number }[]>({ n: '*' });
    expect(Number(after[0]?.n)).toBe(Number(before[0]?.n));
  });

  it('keeps published versions immutable in the database itself', async () => {
    await loadDefinitionFiles(db, dir, metaSchemas, now);
    const update = db.knex('definitions').where({ kind: 'dictionary', key: 'gender' }).update({ content: JSON.stringify({ hacked: true }) });
    await expect(update).rejects.toThrow(/immutable/);
    await expect(db.knex('definitions').where({ key: 'gender' }).delete()).rejects.toThrow(/immutable/);
  });

  it('migrates down and up again', async () => {
    await db.rollbackAll();
    expect(await db.knex.schema.hasTable('records')).toBe(false);
    expect(await db.knex.schema.hasTable('definitions')).toBe(false);
    await db.migrateLatest();
    expect(await db.knex.schema.hasTable('records')).toBe(true);
  });
});

describe.each(testDatabases())('engine start with definitions (%s)', (_name, makeDatabase) => {
  let database: TestDatabase;
  beforeAll(async () => { database = await makeDatabase(); });
  afterAll(async () => { await database.dispose(); });

  it('does not start with an invalid definition, and says where the problem is', async () => {
    const dir = copyDefinitions();
    editJson(path.join(dir, 'entities/department.json'), (c) => { c.keys[0].fields = ['title']; });
    const config = { ...loadConfig({ DATA_DIR: path.dirname(dir) }), database: database.config, definitionsDir: dir };
    const start = createEngine(config, { logger: createLogger('silent') });
    await expect(start).rejects.toThrow('definitions/entities/department.json: /keys/0/fields/0: 字段「title」没有在 properties 中定义');
  });
});
