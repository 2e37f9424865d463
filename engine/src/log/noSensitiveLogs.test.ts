import { describe, expect, it } from 'vitest';
import { departmentId, personData, residentId, useTestEngine, testDatabases } from '../testing/index.js';

describe.each(testDatabases())('logs (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);

  it('never contain an ID number or a password, whatever the request did', async () => {
    const client = ctx.engine.client();
    const password = 'Secret#9Lq';
    await client.login('jarmyy001', 'Wrong#Pass7');
    await client.firstLogin('jarmyy001', password);
    const idNumber = residentId('1979-07-07', '731');
    const neike = await departmentId(client, '内科');
    await client.post('/api/data/person', { data: personData({ idNumber, departmentId: neike }) });
    await client.post('/api/data/person', { data: personData({ idNumber, departmentId: neike }) }); // duplicate → 409
    await client.post('/api/data/person', { data: personData({ idNumber: `${idNumber.slice(0, 17)}0`, departmentId: 'x' }) });
    await client.get(`/api/data/person?q=${idNumber}`);
    const text = ctx.engine.logLines.join('\n');
    expect(ctx.engine.logLines.length).toBeGreaterThan(5);
    for (const secret of [idNumber, idNumber.slice(0, 17), password, 'Wrong#Pass7', 'Zjrj@-2007']) {
      expect(text).not.toContain(secret);
    }
  });

  it('answer an unexpected error with 500 and a request id; the log has the id but not the data', async () => {
    const client = ctx.engine.client();
    await client.firstLogin('jazxyy001');
    const idNumber = residentId('1966-06-06', '613');
    const { knex } = ctx.engine.engine.db;
    await knex.schema.renameTable('record_keys', 'record_keys_away'); // the failing INSERT carries the ID number
    try {
      const response = await client.post('/api/data/person', { data: personData({ idNumber, departmentId: await departmentId(client, '内科') }) });
      expect(response.status).toBe(500);
      expect(response.body.errors[0]).toMatchObject({ code: 'INTERNAL' });
      expect(response.body.errors[0].message).toContain(response.body.requestId);
      expect(JSON.stringify(response.body)).not.toMatch(/record_keys|insert|stack/i);
      const logged = ctx.engine.logLines.filter((line) => line.includes(response.body.requestId)).join('\n');
      expect(logged).toContain('unexpected error');
      expect(logged).not.toContain(idNumber.slice(0, 12));
    } finally {
      await knex.schema.renameTable('record_keys_away', 'record_keys');
    }
  });
});
