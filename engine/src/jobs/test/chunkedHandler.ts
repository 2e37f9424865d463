import type { Database } from '../../db/index.js';
import { newId } from '../../ids/index.js';
import { recordStoreFor } from '../../records/index.js';
import type { JobContext, JobHandler, JobOutcome } from '../index.js';

export const CHUNKED_KIND = 'test-chunked';
export const CHUNKED_ENTITY = 'post';

/** `rows` records written `chunk` at a time. */
export interface ChunkedParams { rows: number; chunk: number }

export interface ChunkedOptions {
  /** Stops for good inside the open transaction of chunk `chunk`, after `afterRows` of its rows (the kill -9 test). */
  blockAt?: { chunk: number; afterRows: number; blocked(): void };
  /** Called after each committed chunk; may wait (e.g. for the engine to stop). */
  afterChunk?(ctx: JobContext, next: number): Promise<void>;
}

export interface ChunkedHandler extends JobHandler {
  runs: Array<{ jobId: string; resumed: boolean; from: number }>;
}

/**
 * A real job handler for the tests: writes records `{seq: 0…rows-1}` in chunks, each record with
 * its audit row, and each chunk with the job's progress and checkpoint (`next`) in ONE transaction
 * through `RecordWriter.jobProgress`; a resumed run starts at the checkpoint.
 */
export function chunkedHandler(db: Database, at: () => string, options: ChunkedOptions = {}): ChunkedHandler {
  const store = recordStoreFor(db);
  const runs: ChunkedHandler['runs'] = [];
  const { blockAt } = options;
  return {
    kind: CHUNKED_KIND,
    runs,
    async run(ctx): Promise<JobOutcome> {
      const { rows, chunk } = ctx.job.params as unknown as ChunkedParams;
      let next = Number(ctx.job.checkpoint?.next ?? 0);
      runs.push({ jobId: ctx.job.id, resumed: ctx.resumed, from: next });
      while (next < rows) {
        ctx.signal.throwIfAborted();
        const [from, end] = [next, Math.min(rows, next + chunk)];
        await store.write(async (w) => {
          for (let seq = from; seq < end; seq += 1) {
            const id = newId();
            await w.insert({ id, entity: CHUNKED_ENTITY, orgId: ctx.job.orgId, defVersion: 1, version: 1,
              data: { name: `导入测试岗位${seq}`, seq, jobId: ctx.job.id } }, at(), ctx.job.accountId);
            await w.audit(undefined, { action: 'record.create', entity: CHUNKED_ENTITY, recordId: id }, at());
            if (blockAt && from / chunk === blockAt.chunk && seq - from + 1 === blockAt.afterRows) {
              blockAt.blocked();
              await new Promise(() => {}); // never settles: the transaction stays open until the process is killed
            }
          }
          await w.jobProgress(ctx.job.id, { processed: end, imported: end }, { next: end }, at());
        });
        next = end;
        await options.afterChunk?.(ctx, next);
      }
      return { status: 'succeeded', counts: { total: rows, processed: rows, imported: rows, failed: 0 } };
    },
  };
}

/** The `seq` of every record the handler wrote for a job, sorted. */
export async function writtenSeqs(db: Database, jobId: string): Promise<number[]> {
  const rows = await db.knex('records').where('entity', CHUNKED_ENTITY).select('data') as Array<{ data: unknown }>;
  return rows.map((r) => db.dialect.parseJson(r.data) as { seq: number; jobId: string })
    .filter((d) => d.jobId === jobId).map((d) => d.seq).sort((a, b) => a - b);
}
