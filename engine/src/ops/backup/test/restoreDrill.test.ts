import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type DatabaseConfig } from '../../../config/index.js';
import { openDatabase } from '../../../db/index.js';
import { createFileStorage } from '../../../files/index.js';
import { fill, importFile, template } from '../../../imports/test/workbooks.js';
import { CHILD_ENGINE_TEST_TIMEOUT, departmentId, PDF_MINIMAL, personData, PNG_1X1, residentId, startTestEngine, testDatabases,
  type HttpClient, type TestDatabase, type TestEngine } from '../../../testing/index.js';
import { BackupError, createBackup, MANIFEST_FILE, restoreBackup, type BackupResult } from '../index.js';
import { cliEnv, engineTables, freshTarget, runCli, schemaArgs, sha256, tableDigests, tempDir } from './drillHelpers.js';
import { TEST_KEY_ENV } from '../../../testing/testKeys.js';

/** The storage an engine configured with this data directory uses. */
const configIn = (dataDir: string) => loadConfig({ DATA_DIR: dataDir, ...TEST_KEY_ENV });
const storageIn = (dataDir: string) => createFileStorage(configIn(dataDir).storage);

/**
 * The restore drill (issue 8): an engine with records, attachments and an import error report is
 * backed up while it runs (CLI and library), restored into a fresh database and data directory,
 * and a fresh engine on the copy must hold and serve the same data.
 */
describe.each(testDatabases())('backup and restore drill (%s)', (_name, makeDatabase) => {
  let source: TestDatabase;
  let live: TestEngine | undefined;
  let target: Awaited<ReturnType<typeof freshTarget>>;
  let restored: TestEngine | undefined;
  let backup: BackupResult;
  let dataDir: string;
  let scratch: string;
  const seen = {} as { educationId: string; education: unknown; scanId: string; jobId: string; report: Buffer };

  beforeAll(async () => {
    [dataDir, scratch] = [tempDir('restore-data-'), tempDir('backups-')];
    source = await makeDatabase();
    live = await startTestEngine(source);
    const clerk: HttpClient = live.client();
    await clerk.firstLogin('jarmyy001');
    const person = await clerk.post('/api/data/person', { data: personData({ departmentId: await departmentId(clerk, '内科') }) });
    seen.scanId = (await clerk.upload('/api/files', '毕业证.png', PNG_1X1, 'image/png')).body.id;
    await clerk.upload('/api/files', '申请表.pdf', PDF_MINIMAL, 'application/pdf');
    const education = await clerk.post('/api/data/education', { data: { personId: person.body.id, educationLevel: '21',
      school: '武汉大学', major: '临床医学', graduationDate: '2015-06-30', scan: seen.scanId } });
    expect(education.status, JSON.stringify(education.body)).toBe(201);
    [seen.educationId, seen.education] = [education.body.id, education.body.data];
    const sheet = await fill(await template(clerk, 'education'), [{ 机构名称: '江岸区人民医院', 姓名: '王五', 证件类型: '居民身份证',
      证件号码: residentId('1991-01-01', '345'), 所在部门: '内科', 学历: '大学本科毕业', 毕业学校: '武汉大学', 所学专业: '临床医学', 毕业日期: '2015-06-30' }]);
    const imported = await importFile(clerk, 'education', sheet);
    expect(imported.body.job, JSON.stringify(imported.body)).toMatchObject({ failed: 1, hasReport: true });
    seen.jobId = imported.body.job.id;
    seen.report = (await clerk.download(`/api/imports/jobs/${seen.jobId}/error-report`)).bytes;
    target = await freshTarget(source);
  });

  afterAll(async () => {
    await restored?.close();
    await live?.close();
    await target?.dispose();
    await source?.dispose();
    for (const dir of [dataDir, scratch]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backs up while the engine runs, through the CLI and the library, with a manifest of the dump', async () => {
    const cli = await runCli('backup', [path.join(scratch, 'cli'), ...schemaArgs(source.config)], cliEnv(source.config, live!.engine.config.dataDir));
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(`Backup written to ${path.join(scratch, 'cli')}`);

    backup = await createBackup({ config: { database: source.config, dataDir: live!.engine.config.dataDir },
      storage: storageIn(live!.engine.config.dataDir), dir: path.join(scratch, 'library') });
    const { manifest } = backup;
    const byCli = JSON.parse(fs.readFileSync(path.join(scratch, 'cli', MANIFEST_FILE), 'utf8'));
    const counts = (tables: Record<string, number>) => engineTables(tables, source.config).map((table) => [table, tables[table]]);
    expect(counts(byCli.tables)).toEqual(counts(manifest.tables));
    expect(manifest).toMatchObject({ formatVersion: 1, database: { client: source.config.client }, attachments: { missing: [], damaged: [] } });
    expect(manifest.engine.migration).toMatch(/^\d{4}_/);
    const rows = await live!.engine.db.knex('files').select('storage_key', 'sha256');
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(manifest.files[`attachments/${row.storage_key}`]?.sha256).toBe(row.sha256);
    expect(Object.keys(manifest.files)).toContain(`reports/${seen.jobId}.xlsx`);
    expect(Object.keys(manifest.files)).toContain(manifest.database.dumpFile);
  }, CHILD_ENGINE_TEST_TIMEOUT);

  it('restores into a fresh database and data directory: same rows, same attachments, served by a fresh engine', async () => {
    const tables = engineTables(backup.manifest.tables, source.config);
    const before = await tableDigests(source.config, tables);
    const result = await restoreBackup({ config: { database: target.config, dataDir }, storage: storageIn(dataDir), dir: backup.dir });
    expect(result).toMatchObject({ attachments: 2, reports: 1 });
    expect(await tableDigests(target.config, tables)).toEqual(before);
    const files = await live!.engine.db.knex('files').select('id', 'storage_key', 'sha256');
    for (const file of files) expect(sha256(await storageIn(dataDir).get(file.storage_key))).toBe(file.sha256);
    // Gone with its data directory: whatever the fresh engine serves comes from the restored copy.
    await live!.close();
    live = undefined;

    restored = await startTestEngine({ ...source, config: target.config }, { dataDir, storage: configIn(dataDir).storage });
    const clerk = restored.client();
    expect((await clerk.login('jarmyy001', 'Hosp#2024!x')).status).toBe(200);
    const education = await clerk.get(`/api/data/education/${seen.educationId}`);
    expect(education.status).toBe(200);
    expect(education.body.data).toEqual(seen.education);
    const scan = await clerk.download(`/api/files/${seen.scanId}`);
    expect(scan.status).toBe(200);
    expect(sha256(scan.bytes)).toBe(files.find((file) => file.id === seen.scanId)!.sha256); // stored re-encoded
    const report = await clerk.download(`/api/imports/jobs/${seen.jobId}/error-report`);
    expect(report.status).toBe(200);
    expect(report.bytes.equals(seen.report)).toBe(true);
  });

  it('refuses a backup with one changed byte, naming the file, and changes nothing', async () => {
    const damaged = path.join(scratch, 'damaged');
    fs.cpSync(backup.dir, damaged, { recursive: true });
    const [attachment] = Object.keys(backup.manifest.files).filter((file) => file.startsWith('attachments/'));
    const bytes = fs.readFileSync(path.join(damaged, attachment!));
    bytes.writeUInt8(bytes.readUInt8(10) ^ 0x01, 10);
    fs.writeFileSync(path.join(damaged, attachment!), bytes);
    const untouched = await freshTarget(source);
    const untouchedData = tempDir('restore-untouched-');
    try {
      const attempt = restoreBackup({ config: { database: untouched.config, dataDir: untouchedData }, storage: storageIn(untouchedData), dir: damaged });
      await expect(attempt).rejects.toThrow(BackupError);
      await expect(attempt).rejects.toThrow(new RegExp(`failed verification; nothing was restored\\.\\n  ${attachment}: SHA-256 differs`));
      expect(fs.readdirSync(untouchedData)).toEqual([]);
      expect(await tablesOf(untouched.config)).toEqual([]);
    } finally {
      await untouched.dispose();
      fs.rmSync(untouchedData, { recursive: true, force: true });
    }
  });

  it('refuses to restore into a database that has tables unless --force (CLI), and then replaces it', async () => {
    const env = cliEnv(target.config, dataDir);
    const refused = await runCli('restore', [backup.dir, ...schemaArgs(target.config)], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/The target database is not empty \(\d+ tables.*pass --force/);
    if (target.config.client === 'sqlite') {
      await expect(restoreBackup({ config: { database: target.config, dataDir }, storage: storageIn(dataDir), dir: backup.dir, force: true }))
        .rejects.toThrow(/is in use by another process \(is the engine running\?\)/);
    }
    await restored!.close();
    restored = undefined;
    const forced = await runCli('restore', [path.join(scratch, 'cli'), '--force', ...schemaArgs(target.config)], env);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/tables with the row counts of the backup; attachments: 2, import reports: 1/);
  }, CHILD_ENGINE_TEST_TIMEOUT);

  it('leaves a forced target as it was when the dump itself cannot be restored (truncated, manifest re-signed)', async () => {
    const broken = path.join(scratch, 'truncated');
    fs.cpSync(backup.dir, broken, { recursive: true });
    const { dumpFile } = backup.manifest.database;
    const whole = fs.readFileSync(path.join(broken, dumpFile));
    const truncated = whole.subarray(0, Math.floor(whole.length * 0.7));
    fs.writeFileSync(path.join(broken, dumpFile), truncated);
    const manifest = { ...backup.manifest, files: { ...backup.manifest.files, [dumpFile]: { sha256: sha256(truncated), size: truncated.length } } };
    fs.writeFileSync(path.join(broken, MANIFEST_FILE), JSON.stringify(manifest));
    const tables = engineTables(backup.manifest.tables, target.config);
    const before = await tableDigests(target.config, tables);
    await expect(restoreBackup({ config: { database: target.config, dataDir }, storage: storageIn(dataDir), dir: broken, force: true }))
      .rejects.toThrow(/pg_restore failed|fails SQLite's integrity check/);
    expect(await tableDigests(target.config, tables)).toEqual(before);
  });
});

/** Tables a database has (any schema but the system ones), to show a refused restore wrote nothing. */
async function tablesOf(config: DatabaseConfig): Promise<string[]> {
  if (config.client === 'sqlite') return fs.existsSync(config.filename) ? ['(file exists)'] : [];
  const db = openDatabase(config);
  try {
    return await db.knex('pg_tables').whereNotIn('schemaname', ['pg_catalog', 'information_schema']).pluck('tablename');
  } finally {
    await db.destroy();
  }
}
