import { describe, expect, it } from 'vitest';
import { testDatabases, useTestEngine } from '../../testing/index.js';
import { recordsOf } from '../lookups.js';

/** The job's lookups read an institution's records a page at a time: every record once, in id order. */
describe.each(testDatabases())('records read page by page for an import (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);

  it('returns every record of the organisation once, whatever the page size', async () => {
    const { db } = ctx.engine.engine;
    const org = await db.reader('orgs').where({ name: '江岸区人民医院' }).first() as { id: string };
    const expected = (await db.reader('records').where({ entity: 'department', org_id: org.id }).orderBy('id').pluck('id')) as string[];
    expect(expected.length).toBeGreaterThan(3);
    for (const pageSize of [1, 2, expected.length, expected.length + 1]) {
      expect((await recordsOf(db, 'department', org.id, undefined, pageSize)).map((r) => r.id)).toEqual(expected);
    }
    const other = await db.reader('orgs').where({ name: '江岸区中心医院' }).first() as { id: string };
    const theirs = await recordsOf(db, 'department', other.id, undefined, 2);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((r) => r.orgId === other.id)).toBe(true);
  });
});
