import autocannon from 'autocannon';
import { hashPassword, verifyPassword } from '../src/auth/passwords.js';
import { startServer, stop } from './servers/spawn.js';

export interface LoginFigures { cpuMsPerCheck: number; wallMsPerCheck: number; loginsPerSecond: number; p50: number; p99: number; non2xx: number }

/** The cost of one argon2id check here, in CPU and wall time. */
async function checkCost(): Promise<{ cpu: number; wall: number }> {
  const hash = await hashPassword('Hosp#2024!x');
  const n = 20;
  const [started, cpu] = [performance.now(), process.cpuUsage()];
  for (let i = 0; i < n; i += 1) await verifyPassword(hash, 'Hosp#2024!x');
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1000 / n, wall: (performance.now() - started) / n };
}

/** (c) Logins per second through HTTP: 10 connections, the demo accounts in turn, correct passwords. */
export async function loginThroughput(seconds: number): Promise<LoginFigures> {
  const cost = await checkCost();
  const server = await startServer('engineServer.ts');
  try {
    const accounts = ['jarmyy001', 'jazxyy001', 'jawjj0001', 'whwjw0001', 'hbwjw0001'];
    let n = 0;
    const result = await autocannon({
      url: `http://127.0.0.1:${server.port}`, connections: 10, duration: seconds,
      requests: [{ method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ username: accounts[n++ % accounts.length], password: 'Zjrj@-2007' }) }) }],
    });
    return { cpuMsPerCheck: cost.cpu, wallMsPerCheck: cost.wall, loginsPerSecond: result.requests.average,
      p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
  } finally {
    await stop(server.child);
  }
}
