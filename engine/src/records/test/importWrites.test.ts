import { describe, expect, it } from 'vitest';
import { isoNow } from '../../clock/index.js';
import { newId } from '../../ids/index.js';
import { departmentId, personData, residentId, testDatabases, useTestEngine } from '../../testing/index.js';
import { recordStoreFor, writeImportChunk, type ImportUnitPlan } from '../index.js';

/**
 * A chunk of import units is written without looking up each key first; a key taken meanwhile
 * (after the import read the stored records) fails only its own unit, with the message naming the
 * clash, and the chunk's other units still go in.
 */
describe.each(testDatabases())('import chunks and keys taken meanwhile (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);

  it('fails the clashing unit with its reason and writes the others', async () => {
    const { engine } = ctx.engine;
    const renmin = ctx.engine.client();
    await renmin.firstLogin('jarmyy001');
    const department = await departmentId(renmin, '内科');
    const taken = residentId('1991-02-03', '456');
    const holder = await renmin.post('/api/data/person', { data: personData({ name: '先来', idNumber: taken, departmentId: department }) });
    expect(holder.status).toBe(201);

    const account = await engine.db.models.Account.query().findOne({ username: 'jarmyy001' });
    const actor = await engine.auth.actorForAccount(account!.id);
    const entity = engine.registry.entity('person')!;
    const unitOf = (rowNumber: number, name: string, idNumber: string): ImportUnitPlan => ({ deletes: [], records: [{ rowNumber,
      row: { id: newId(), entity: 'person', orgId: actor.orgId, defVersion: entity.definition.version, version: 1,
        data: personData({ name, idNumber, departmentId: department }) } }] });
    const units = [unitOf(2, '新人甲', residentId('1992-04-05', '311')), unitOf(3, '后到', taken), unitOf(4, '新人乙', residentId('1993-06-07', '512'))];
    const deps = { store: recordStoreFor(engine.db), registry: engine.registry, codec: engine.db.recordData, now: () => isoNow(ctx.engine.clock),
      isUniqueViolation: (error: unknown) => engine.db.dialect.isUniqueViolation(error) };
    // The progress goes with the writes: a running job row to hold it (as the job runner makes one).
    const jobId = newId();
    const at = isoNow(ctx.engine.clock);
    await engine.db.knex('jobs').insert({ id: jobId, kind: 'import', entity: 'person', org_id: actor.orgId, account_id: actor.accountId,
      status: 'running', params: JSON.stringify({}), created_at: at, updated_at: at });
    const failed = await writeImportChunk(deps, actor, entity, units, { jobId, after: (index) => ({ counts: { processed: index + 1 }, checkpoint: { units: index + 1 } }) });

    expect([...failed.keys()]).toEqual([1]);
    expect(failed.get(1)).toEqual([expect.objectContaining({ code: 'DUPLICATE' })]);
    const names = (await engine.db.reader('records').where({ entity: 'person', org_id: actor.orgId }).select('data'))
      .map((r: { data: unknown }) => (engine.db.dialect.parseJson(r.data) as { name: string }).name).sort();
    expect(names).toEqual(['先来', '新人乙', '新人甲'].sort());
    expect(await engine.db.reader('jobs').where({ id: jobId }).first()).toMatchObject({ processed: 3 });
  });
});
