import { Secret, TOTP } from 'otpauth';
import { expect } from 'vitest';
import type { HttpClient, HttpResponse, TestEngine } from '../../testing/index.js';

/** The code an authenticator app shows for `secret` at the engine clock's time (+ `offsetSteps` steps of 30 s). */
export function codeAt(engine: TestEngine, secret: string, offsetSteps = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30,
    timestamp: engine.clock.now().getTime() + offsetSteps * 30_000 });
}

/** Setup and confirm for the logged-in account of `client`; the clock then moves to the next step (its code is used). */
export async function enrol(engine: TestEngine, client: HttpClient): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await client.post('/api/auth/two-factor/setup');
  expect(setup.status).toBe(200);
  const confirm = await client.post('/api/auth/two-factor/confirm', { code: codeAt(engine, setup.body.secret) });
  expect(confirm.status).toBe(200);
  engine.clock.advance(30_000);
  return { secret: setup.body.secret, recoveryCodes: confirm.body.recoveryCodes };
}

/** Both steps of a two-factor login; the client keeps the session and CSRF token of the answer. */
export async function loginWithCode(client: HttpClient, username: string, password: string, code: string): Promise<HttpResponse> {
  const first = await client.login(username, password);
  expect(first.status).toBe(200);
  expect(first.body).toEqual({ twoFactorRequired: true });
  const second = await client.post('/api/auth/login/two-factor', { code });
  client.csrfToken = second.body?.csrfToken;
  return second;
}

/** The `details` of the audit rows of an action (a JSON string on SQLite, parsed on PostgreSQL), oldest first. */
export async function auditDetails(engine: TestEngine, action: string): Promise<Array<Record<string, any> & { recordId: string | null }>> {
  const rows = await engine.engine.db.knex('audit_events').where('action', action).orderBy('id').select('details', 'record_id') as
    Array<{ details: unknown; record_id: string | null }>;
  return rows.map((row) => ({ ...(typeof row.details === 'string' ? JSON.parse(row.details) : row.details), recordId: row.record_id }));
}
