import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Figure } from '../recordsVsRaw.js';
import { ourSide, type LifecycleSide } from './ours.js';
import { peerSide } from './peer.js';

const WARM_UP = 20;

/** The wall time of `count` lifecycles of a side, in ms. */
async function timed(side: LifecycleSide, from: number, count: number): Promise<number> {
  const started = performance.now();
  await side.run(from, count);
  return performance.now() - started;
}

async function check(side: LifecycleSide, expected: number, label: string): Promise<void> {
  const completed = await side.completed();
  if (completed !== expected) throw new Error(`${label}: ${completed} of ${expected} lifecycles completed`);
}

/**
 * (g) Full approval lifecycles (start → review task → approve → service action → end, every step
 * persisted) through WorkflowService on SQLite next to bpmn-engine persisting its state to SQLite
 * after each step; warm-up, then alternating rounds so that drifting fsync and CPU share hit both.
 */
export async function lifecyclesVsPeer(count: number, rounds = 6): Promise<{ ours: Figure; peer: Figure }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-g-'));
  const [ours, peer] = [await ourSide(dir), await peerSide(dir)];
  try {
    await ours.run(0, WARM_UP);
    await peer.run(0, WARM_UP);
    const time = { ours: 0, peer: 0 };
    const perRound = Math.ceil(count / rounds);
    for (let r = 0; r < rounds; r += 1) {
      const from = WARM_UP + r * perRound;
      if (r % 2 === 0) {
        time.ours += await timed(ours, from, perRound);
        time.peer += await timed(peer, from, perRound);
      } else {
        time.peer += await timed(peer, from, perRound);
        time.ours += await timed(ours, from, perRound);
      }
    }
    const total = perRound * rounds;
    await check(ours, WARM_UP + total, 'ours');
    await check(peer, WARM_UP + total, 'bpmn-engine');
    return {
      ours: { label: 'WorkflowService (2 transactions: start, complete)', opsPerSecond: total / (time.ours / 1000) },
      peer: { label: 'bpmn-engine + getState() JSON upsert after each step', opsPerSecond: total / (time.peer / 1000) },
    };
  } finally {
    await ours.close();
    await peer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Our lifecycles on PostgreSQL, in a database of their own (created and dropped here) on the
 * server of BENCH_DATABASE_URL or the local one; undefined when no server answers.
 */
export async function lifecyclesOnPostgres(count: number): Promise<Figure | undefined> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `bench_g_${randomBytes(4).toString('hex')}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-g-pg-'));
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const ours = await ourSide(dir, { client: 'postgres', url: url.toString() });
    try {
      await ours.run(0, WARM_UP);
      const ms = await timed(ours, WARM_UP, count);
      await check(ours, WARM_UP + count, 'ours on PostgreSQL');
      return { label: 'WorkflowService on PostgreSQL', opsPerSecond: count / (ms / 1000) };
    } finally {
      await ours.close();
    }
  } finally {
    await admin.query(`DROP DATABASE ${name}`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
