import type { LoadFigure, LoadReport } from './index.js';

const ms = (total: number, requests: number) => (requests > 0 ? (total / requests).toFixed(2) : '—');

/** One table row (markdown, so that it can be pasted into docs/benchmarks.md as printed). */
function row(f: LoadFigure): string {
  const cpu = f.cpu;
  // Per engine: CPU per request, and how busy its one event-loop thread's core was (100 % = saturated).
  const engines = cpu.engines.map((e) => `${ms(e, f.requests)} (${((e / (f.seconds * 1000)) * 100).toFixed(0)} %)`).join(' + ');
  return `| ${f.processes} | ${f.connections} | ${f.requestsPerSecond.toFixed(0)} | ${f.p50} ms | ${f.p99} ms | ${f.non2xx} / ${f.errors}`
    + `${f.exhausted ? ` (${f.exhausted} without data)` : ''} | ${engines} | ${ms(cpu.postgres, f.requests)} | ${ms(cpu.loadGenerator, f.requests)}`
    + ` | ${ms(cpu.other, f.requests)} | ${(cpu.machineBusy * 100).toFixed(0)} % |`;
}

/** The load figures as markdown tables, one per scenario, with the two-to-one throughput ratio. */
export function printLoad(report: LoadReport, log: (line: string) => void): void {
  for (const scenario of report.scenarios) {
    log(`    ${scenario.label}`);
    log('    | processes | connections | req/s | p50 | p99 | non-2xx / errors | engine CPU ms/req (core busy) | PostgreSQL ms/req | autocannon ms/req | other ms/req | machine busy |');
    log('    |---|---|---|---|---|---|---|---|---|---|---|');
    for (const figure of scenario.runs) log(`    ${row(figure)}`);
    const mean = (processes: number) => {
      const runs = scenario.runs.filter((r) => r.processes === processes);
      return runs.reduce((sum, r) => sum + r.requestsPerSecond, 0) / runs.length;
    };
    const [one, two] = [mean(1), mean(2)];
    log(`    mean req/s: one process ${one.toFixed(0)}, two ${two.toFixed(0)}; two / one: ${(two / one).toFixed(2)}×`);
  }
}
