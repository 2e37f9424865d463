import fs from 'node:fs';

/** Linux clock ticks per second (USER_HZ), the unit of /proc's CPU times; 100 on every kernel we run. */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in ms; 0 when it is gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) in parentheses: utime is the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
  } catch {
    return 0;
  }
}

/** The whole machine's busy and total CPU time so far, in ms summed over cores (/proc/stat). */
function machineCpuMs(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((sum, t) => sum + t, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0); // idle + iowait
  const ms = (t: number) => (t / TICKS_PER_SECOND) * 1000;
  return { busy: ms(total - idle), total: ms(total) };
}

/** Where the CPU of a measured interval went, in ms (over both cores; 2 cores × 20 s = 40,000 ms). */
export interface CpuShare {
  /** Each engine process, in the order given. */
  engines: number[];
  /** The PostgreSQL backends serving our database. */
  postgres: number;
  /** This process: the load generator (autocannon). */
  loadGenerator: number;
  /** Everything else busy on the machine: PostgreSQL's own background processes, other work. */
  other: number;
  /** Busy share of the machine's whole capacity over the interval (1 = both cores busy throughout). */
  machineBusy: number;
}

/**
 * Samples CPU times at the start of an interval; `end()` returns the difference. PostgreSQL
 * backends are listed again at the end: one started during the interval counts with all its time.
 */
export async function cpuInterval(enginePids: number[], backendPids: () => Promise<number[]>): Promise<{ end(): Promise<CpuShare> }> {
  const startEngines = enginePids.map(processCpuMs);
  const startBackends = new Map((await backendPids()).map((pid) => [pid, processCpuMs(pid)]));
  const startSelf = process.cpuUsage();
  const startMachine = machineCpuMs();
  return {
    async end() {
      const engines = enginePids.map((pid, i) => processCpuMs(pid) - startEngines[i]!);
      const backends = await backendPids();
      const postgres = backends.reduce((sum, pid) => sum + processCpuMs(pid) - (startBackends.get(pid) ?? 0), 0);
      const self = process.cpuUsage(startSelf);
      const loadGenerator = (self.user + self.system) / 1000;
      const machine = machineCpuMs();
      const busy = machine.busy - startMachine.busy;
      const other = Math.max(0, busy - postgres - loadGenerator - engines.reduce((s, e) => s + e, 0));
      return { engines, postgres, loadGenerator, other, machineBusy: busy / (machine.total - startMachine.total) };
    },
  };
}
