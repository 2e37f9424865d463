import type { JobRow } from '../types.js';

/** How a run that a delivery started ended: finished, given back (engine stopping), or its lease lost to another process. */
export type RunEnd = { outcome: 'ended'; job: JobRow } | { outcome: 'givenBack' | 'leaseLost' };

/** What a delivery needs from the runner of this engine process. */
export interface DeliveryHost {
  /** This process's claim on the jobs it runs (`jobs.worker`). */
  readonly worker: string;
  /** The kinds this process has handlers for. */
  kinds(): string[];
  /** Ids of the background runs in progress in this process. */
  running(): string[];
  /** Runs a job this process has claimed in one of its worker slots; resolves when the run ends. */
  run(job: JobRow): Promise<RunEnd>;
}

/**
 * How queued jobs reach a worker (a registry by name, `JOB_QUEUE`). The `jobs` row stays the job's
 * state in every case (progress, checkpoint, lease); a delivery only decides which process runs it.
 */
export interface JobDelivery {
  readonly name: 'table' | 'pg-boss';
  /** Starts taking jobs of the host's kinds. */
  start(host: DeliveryHost): Promise<void>;
  /** A job was queued in the `jobs` table: a worker (here or in another process) is to take it. */
  queued(job: JobRow): Promise<void>;
  /** A background run in this process ended: its slot is free. */
  slotFreed(): void;
  /** Stops taking new jobs (the runner then stops the running ones). */
  pause(): Promise<void>;
  /** After the runs have ended: hands back what the delivery holds and closes its connections. */
  close(): Promise<void>;
  /** Resolves once this process has taken everything it could take now (tests, `whenIdle`). */
  settle(): Promise<void>;
  /** For the readiness probe: the queue answers; figures without personal data. */
  check(): Promise<Record<string, unknown>>;
}
