import { isoNow, type Clock } from '../clock/index.js';
import { loggableError, type Logger } from '../log/index.js';
import type { JobEnd, JobRepository } from './JobRepository.js';
import { jobMessages } from './messages.js';
import type { JobContext, JobHandler, JobRow } from './types.js';

/** Why a run's signal was aborted: the engine stops (the job is given back), or its lease went to another process. */
export type AbortReason = 'stop' | 'leaseLost';

export interface RunDeps {
  repository: JobRepository;
  clock: Clock;
  logger: Logger;
  worker: string;
  leaseMs: number;
  maxAttempts: number;
  /** Called with the job after each change this run stores. */
  changed(job: JobRow): void;
}

const leaseFrom = (clock: Clock, leaseMs: number) => new Date(clock.now().getTime() + leaseMs).toISOString();

/**
 * Runs one claimed job to its end: heartbeat on the lease while the handler works, the handler's
 * outcome (or a Chinese failure message; details only to the log) stored with the final counts.
 * Returns the finished row, or undefined when the job was given back (engine stopping) or lost
 * its lease (another process resumes it).
 */
export async function runJob(deps: RunDeps, handler: JobHandler, job: JobRow, controller: AbortController): Promise<JobRow | undefined> {
  const { repository, clock, logger, worker } = deps;
  const end = async (outcome: JobEnd) => {
    const row = await repository.finish(job.id, worker, outcome, isoNow(clock));
    if (row) deps.changed(row);
    return row;
  };
  if (job.attempts > deps.maxAttempts) {
    logger.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts }, 'job given up after too many attempts');
    return end({ status: 'interrupted', counts: {}, message: jobMessages.tooManyAttempts(job.attempts) });
  }
  const resumed = job.attempts > 1;
  const heartbeat = setInterval(() => {
    repository.renewLease(job.id, worker, leaseFrom(clock, deps.leaseMs))
      .then((held) => { if (!held) controller.abort('leaseLost' satisfies AbortReason); })
      .catch((error: unknown) => logger.warn({ err: loggableError(error), jobId: job.id }, 'job lease renewal failed'));
  }, Math.max(1, Math.floor(deps.leaseMs / 3)));
  heartbeat.unref();
  const ctx: JobContext = {
    job, resumed, signal: controller.signal,
    progress: async (counts, checkpoint) => {
      if (!await repository.progress(job.id, worker, counts, checkpoint, isoNow(clock))) {
        controller.abort('leaseLost' satisfies AbortReason);
        controller.signal.throwIfAborted();
      }
      deps.changed({ ...job, ...counts, checkpoint: checkpoint ?? job.checkpoint });
    },
  };
  try {
    if (resumed) logger.info({ jobId: job.id, kind: job.kind, attempts: job.attempts }, 'job resumed');
    return await end(await handler.run(ctx));
  } catch (error) {
    const reason = controller.signal.aborted ? controller.signal.reason as AbortReason : undefined;
    if (reason === 'stop') {
      await repository.release(job.id, worker, isoNow(clock));
      logger.info({ jobId: job.id, kind: job.kind }, 'job given back for resumption at the next start');
      return undefined;
    }
    if (reason === 'leaseLost') {
      logger.warn({ jobId: job.id, kind: job.kind }, 'job lease lost: another engine process resumes it');
      return undefined;
    }
    logger.error({ err: loggableError(error), jobId: job.id, kind: job.kind, resumed }, 'job failed');
    return end({ status: resumed ? 'interrupted' : 'failed', counts: {},
      message: resumed ? jobMessages.interrupted : jobMessages.failed });
  } finally {
    clearInterval(heartbeat);
  }
}

export { leaseFrom };
