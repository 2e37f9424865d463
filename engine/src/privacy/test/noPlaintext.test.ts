import { beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../audit/index.js';
import { testDatabases, useTestEngine } from '../../testing/index.js';
import { idsEndingInX, loginClients, storeEverywhere } from './noPlaintextScenario.js';
import { formsOf, occurring, rawStorage } from './rawStorage.js';

/**
 * Issue 9 point 1: ID numbers stored through every feature that keeps personal data (person create
 * and update, Excel import, probation and pre-registration, transfer, real-name application,
 * approvals; a change request's proposed values) are nowhere in the database's raw bytes — SQLite
 * file and write-ahead log, or a PostgreSQL dump — nor in the engine's log.
 */
describe.each(testDatabases())('no personal data in plain text at rest or in the log (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  const marker = '柏拉图测试法人';
  let secrets: string[];

  beforeAll(async () => {
    const clients = await loginClients(() => ctx.engine.client());
    secrets = await storeEverywhere(clients, idsEndingInX(5), marker);
  });

  it('finds the forms it looks for: as written, lower-case x, JSON-escaped', () => {
    expect(formsOf('42010219880301123X')).toEqual(['42010219880301123X', '42010219880301123x',
      [...'42010219880301123X'].map((c) => `\\u00${c.charCodeAt(0).toString(16)}`).join('')]);
    expect(occurring(Buffer.from('{"idNumber":"42010219880301123x"}'), ['42010219880301123X', '42010219880301124X']))
      .toEqual(['42010219880301123X']);
  });

  it('keeps no ID number (nor the staged change) in the database files', async () => {
    expect(secrets).toHaveLength(7);
    const storage = await rawStorage(ctx.engine.engine.config.database);
    // The search can see: values not encrypted (a transferred person's name) are found in the same bytes.
    expect(Buffer.concat(storage.map((s) => s.bytes)).includes(Buffer.from('周六', 'utf8'))).toBe(true);
    for (const { name, bytes } of storage) {
      expect(bytes.length, name).toBeGreaterThan(0);
      // Masked: a failure must not itself print the ID numbers into the run's output.
      expect(occurring(bytes, secrets).map(maskIdNumber), `plain personal data in ${name}`).toEqual([]);
    }
  });

  it('writes no ID number to the log', () => {
    expect(ctx.engine.logLines.length).toBeGreaterThan(0);
    expect(occurring(Buffer.from(ctx.engine.logLines.join('')), secrets).map(maskIdNumber)).toEqual([]);
  });
});
