/** What a readiness check found: `ok`, and figures without personal data (counts, milliseconds). */
export interface CheckResult { ok: boolean; ms: number; error?: string; [detail: string]: unknown }

/** A readiness check: resolves with its figures, or throws (then it is not ok). */
export type ReadinessCheck = () => Promise<Record<string, unknown>>;

/** How long one readiness check may take before it counts as failed (a hung pool must not hang the probe). */
const CHECK_TIMEOUT_MS = 2000;

async function timed(check: ReadinessCheck): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })), CHECK_TIMEOUT_MS);
  });
  try {
    const details = await Promise.race([check(), timeout]);
    return { ok: true, ms: Math.round((performance.now() - started) * 10) / 10, ...details };
  } catch (error) {
    // Only a code or class name: driver messages may quote SQL and its values.
    const e = error as { code?: unknown; name?: unknown };
    return { ok: false, ms: Math.round(performance.now() - started), error: String(e?.code ?? e?.name ?? 'Error') };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The process's operational state as the proxy and operators see it: whether it is draining
 * (shutting down: health answers 503 so the proxy stops sending), how many requests are in flight,
 * and named readiness checks (a registry: the database, the job queue, whatever a feature adds).
 */
export class Lifecycle {
  private drainingSince?: number;
  private readonly checks = new Map<string, ReadinessCheck>();
  private readonly startedAt = Date.now();
  /** Requests being answered now (counted by `trackRequests`). */
  inFlight = 0;

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  drain(): void {
    this.drainingSince ??= Date.now();
  }

  addCheck(name: string, check: ReadinessCheck): void {
    if (this.checks.has(name)) throw new Error(`Readiness check "${name}" is registered twice`);
    this.checks.set(name, check);
  }

  /** Every check, run in parallel; ready when all pass and the process is not draining. */
  async readiness(): Promise<{ ready: boolean; draining: boolean; inFlight: number; uptimeSeconds: number; checks: Record<string, CheckResult> }> {
    const names = [...this.checks.keys()];
    const results = await Promise.all(names.map((name) => timed(this.checks.get(name)!)));
    const checks = Object.fromEntries(names.map((name, i) => [name, results[i]!]));
    return {
      ready: !this.draining && results.every((r) => r.ok),
      draining: this.draining,
      inFlight: this.inFlight,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      checks,
    };
  }
}
