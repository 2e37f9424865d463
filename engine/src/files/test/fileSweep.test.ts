import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/index.js';
import { ManualClock } from '../../clock/index.js';
import type { EngineConfig } from '../../config/index.js';
import { openDatabase } from '../../db/index.js';
import { recordWriterIn } from '../../records/store/index.js';
import { departmentId, HttpClient, JPEG_1X1, PDF_MINIMAL, personData, PNG_1X1, testDatabases, until, useTestEngine } from '../../testing/index.js';
import { attachFile } from '../attach.js';
import { runExclusively } from '../exclusive.js';
import { FileService } from '../FileService.js';
import { MissingStoredFileError, type FileStorage } from '../FileStorage.js';
import { FileSweeper } from '../FileSweeper.js';
import { createFileStorage } from '../storageFactory.js';
import { startS3Server, type TestS3Server } from './s3Server.js';

const HOUR = 3_600_000;

/** A storage that stands for a process that dies right after a step: what follows it never happens. */
function dyingAfter(inner: FileStorage, step: 'put' | 'delete', die: () => Promise<void>): FileStorage & { keys: string[] } {
  const keys: string[] = [];
  const gone = () => Promise.reject(new Error('the process is gone'));
  return {
    keys,
    put: async (key, bytes) => {
      await inner.put(key, bytes);
      keys.push(key);
      if (step === 'put') await die();
    },
    get: (key) => inner.get(key),
    delete: (key) => (step === 'put' ? gone() : die().then(gone)),
    list: () => inner.list(),
    removeLeftovers: (before) => inner.removeLeftovers(before),
  };
}

const STORAGES: Array<[string, (() => Promise<TestS3Server>) | undefined]> = [['filesystem', undefined], ['S3', startS3Server]];

describe.each(testDatabases())('orphan sweep of attachments (%s)', (dbName, makeDatabase) => {
  describe.each(STORAGES)('on the %s storage', (_storageName, startS3) => {
    const overrides: Partial<EngineConfig> = {};
    let s3: TestS3Server | undefined;
    beforeAll(async () => {
      if (!startS3) return;
      s3 = await startS3();
      overrides.storage = { kind: 's3', s3: s3.config, sweep: { intervalMinutes: 60, strayMinutes: 60, unattachedHours: 168 } };
    });
    afterAll(async () => { await s3?.close(); });
    const ctx = useTestEngine(makeDatabase, overrides);
    let renmin: HttpClient;
    let storage: FileStorage;
    let personId: string;
    let actor: Actor;

    const engine = () => ctx.engine.engine;
    const grace = () => engine().config.storage.sweep;
    const sweep = () => engine().files.sweeper.sweep();
    const upload = async (name = '证书.png', bytes = PNG_1X1) => (await renmin.upload('/api/files', name, bytes)).body.id as string;
    const keyOf = async (id: string) => (await engine().db.knex('files').where({ id }).first('storage_key') as { storage_key: string }).storage_key;
    const row = (id: string) => engine().db.knex('files').where({ id }).first('attached');
    /** Whether the file's stored bytes are still there and match its row's checksum (images are stored re-encoded). */
    const intact = async (id: string) => {
      const { storage_key: key, sha256 } = await engine().db.knex('files').where({ id }).first('storage_key', 'sha256');
      return createHash('sha256').update(await storage.get(key)).digest('hex') === sha256;
    };
    const education = (scan: string) => ({ personId, educationLevel: '21', school: '武汉大学', major: '临床医学', graduationDate: '2015-06-30', scan });

    beforeAll(async () => {
      renmin = ctx.engine.client();
      await renmin.firstLogin('jarmyy001');
      personId = (await renmin.post('/api/data/person', { data: personData({ departmentId: await departmentId(renmin, '内科') }) })).body.id;
      actor = await engine().auth.actorForAccount((await renmin.get('/api/auth/me')).body.user.id);
      storage = createFileStorage(engine().config.storage);
    });
    // The tests move the clock by days: a fresh session each time.
    const logIn = async () => {
      renmin = ctx.engine.client();
      expect((await renmin.login('jarmyy001', 'Hosp#2024!x')).status).toBe(200);
    };
    beforeEach(logIn);
    const pastGrace = () => ctx.engine.clock.advance(grace().unattachedHours * HOUR + 60_000);
    afterAll(() => storage?.close?.());

    it('removes an upload never attached once older than the grace period (row, then bytes), and not before', async () => {
      const id = await upload();
      const key = await keyOf(id);
      ctx.engine.clock.advance(grace().unattachedHours * HOUR - 60_000);
      expect(await sweep()).toMatchObject({ unattached: 0 });
      expect(await row(id)).toBeDefined();
      ctx.engine.clock.advance(120_000);
      expect((await sweep())!.unattached).toBeGreaterThanOrEqual(1);
      expect(await row(id)).toBeUndefined();
      await expect(storage.get(key)).rejects.toBeInstanceOf(MissingStoredFileError);
      expect(ctx.engine.logLines.some((line) => line.includes('file sweep done') && /"unattached":[1-9]/.test(line))).toBe(true);
    });

    it('keeps attached files: saved in a record, replaced by another, and after the record is deleted', async () => {
      const [first, second] = [await upload('毕业证.png', PNG_1X1), await upload('毕业证.jpg', JPEG_1X1)];
      const created = await renmin.post('/api/data/education', { data: education(first) });
      expect(created.status).toBe(201);
      expect((await row(first)).attached).toBeTruthy();
      expect((await renmin.put(`/api/data/education/${created.body.id}`, { version: 1, data: education(second) })).status).toBe(200);
      expect((await renmin.delete(`/api/data/education/${created.body.id}`)).status).toBe(204);
      pastGrace();
      await sweep();
      for (const id of [first, second]) expect(await intact(id)).toBe(true);
    });

    it('lets an attach under way win against a sweep that comes meanwhile: the file stays', async () => {
      const id = await upload();
      pastGrace();
      const { db } = engine();
      const trx = await db.knex.transaction();
      let sweeping: ReturnType<typeof sweep> | undefined;
      try {
        expect(await recordWriterIn(trx, db).findFile(id)).toMatchObject({ mediaType: 'image/png' });
        sweeping = sweep();
        // The sweep must be stuck behind the open transaction: PostgreSQL on the row lock, SQLite on its one connection.
        await until(async () => (dbName === 'postgres'
          ? Number((await db.reader.raw(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()
              AND wait_event_type = 'Lock' AND query ILIKE 'delete from "files"%'`)).rows[0].n) > 0
          : (db.knex.client as { pool: { numPendingAcquires(): number } }).pool.numPendingAcquires() > 0));
        await trx.commit();
      } finally {
        if (!trx.isCompleted()) await trx.rollback();
      }
      await sweeping;
      expect((await row(id)).attached).toBeTruthy();
      expect(await intact(id)).toBe(true);
    });

    it('refuses a save naming an upload the sweep already removed, so no record points at missing bytes', async () => {
      const id = await upload('学历.pdf', PDF_MINIMAL);
      pastGrace();
      await sweep();
      await logIn();
      const saved = await renmin.post('/api/data/education', { data: education(id) });
      expect(saved.status).toBe(422);
      expect(saved.body.errors).toEqual([expect.objectContaining({ code: 'attachment', path: '/scan' })]);
    });

    it('cleans up after a crash between writing the bytes and committing the row, once the upload cannot be in flight', async () => {
      const crashing = openDatabase(engine().config.database);
      const dying = dyingAfter(storage, 'put', () => crashing.destroy());
      const service = new FileService({ db: crashing, storage: dying, clock: ctx.engine.clock, logger: engine().logger, sweep: grace() });
      await expect(service.upload(actor, { filename: '崩溃.pdf', bytes: PDF_MINIMAL })).rejects.toThrow();
      const [key] = dying.keys;
      expect(await engine().db.knex('files').where({ storage_key: key }).first()).toBeUndefined();
      expect((await storage.get(key!)).equals(PDF_MINIMAL)).toBe(true); // bytes without a row: an orphan

      const clock = new ManualClock(new Date());
      const sweeper = new FileSweeper({ db: engine().db, storage, clock, logger: engine().logger, config: grace() });
      await sweeper.sweep();
      expect((await storage.get(key!)).equals(PDF_MINIMAL)).toBe(true); // as young as an upload in flight: kept
      clock.advance(grace().strayMinutes * 60_000 + 60_000);
      expect((await sweeper.sweep())!.stray).toBeGreaterThanOrEqual(1);
      await expect(storage.get(key!)).rejects.toBeInstanceOf(MissingStoredFileError);
    });

    it('finishes next time a sweep that died between deleting the row and the bytes', async () => {
      const id = await upload();
      const key = await keyOf(id);
      const stored = await storage.get(key);
      pastGrace();
      const dying = dyingAfter(storage, 'delete', async () => undefined);
      const sweeper = new FileSweeper({ db: engine().db, storage: dying, clock: ctx.engine.clock, logger: engine().logger, config: grace() });
      await expect(sweeper.sweep()).rejects.toThrow('the process is gone');
      expect(await row(id)).toBeUndefined();
      expect((await storage.get(key)).equals(stored)).toBe(true);
      expect((await sweep())!.stray).toBeGreaterThanOrEqual(1);
      await expect(storage.get(key)).rejects.toBeInstanceOf(MissingStoredFileError);
    });

    it('marks a file attached only for its own organisation', async () => {
      const id = await upload();
      const other = (await engine().db.models.Org.query().findOne({ name: '江岸区中心医院' }))!.id;
      expect(await attachFile(engine().db.knex, id, other)).toBeUndefined();
      expect((await row(id)).attached).toBeFalsy();
      expect(await attachFile(engine().db.knex, id, actor.orgId)).toEqual({ orgId: actor.orgId, mediaType: 'image/png' });
      expect((await row(id)).attached).toBeTruthy();
    });

    it.runIf(dbName === 'postgres')('lets one engine sweep at a time on a shared database', async () => {
      let release!: () => void;
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => { entered = resolve; });
      const holding = runExclusively(engine().db, 'engine:file-sweep', () => { entered(); return new Promise<void>((resolve) => { release = resolve; }); });
      await inside;
      const second = openDatabase(engine().config.database);
      try {
        const other = new FileSweeper({ db: second, storage, clock: ctx.engine.clock, logger: engine().logger, config: grace() });
        expect(await other.sweep()).toBeUndefined();
        release();
        await holding;
        expect(await other.sweep()).toMatchObject({ unattached: expect.any(Number) });
      } finally {
        release();
        await second.destroy();
      }
    });
  });
});
