import { beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, departmentId, personData, testDatabases, useTestEngine, type HttpClient, type TestEngine } from '../../testing/index.js';

type Who = 'anonymous' | 'otherInstitution' | 'subWithout' | 'subWith' | 'bureauAbove' | 'bureauElsewhere';
const WHO: Who[] = ['anonymous', 'otherInstitution', 'subWithout', 'subWith', 'bureauAbove', 'bureauElsewhere'];

/** A sub-account of 江岸区人民医院 with a role of the given permissions, ready to work (real-name approval arranged). */
async function subAccount(test: TestEngine, main: HttpClient, username: string, permissions: string[]): Promise<{ client: HttpClient; id: string }> {
  const role = await main.post('/api/roles', { name: `${username}角色`, permissions });
  const created = await main.post('/api/accounts', { roleId: role.body.id, username, nickname: username });
  expect(created.status).toBe(201);
  await test.engine.db.knex('accounts').where('id', created.body.id).update({ real_name_status: 'approved' }); // issue 6 brings the review
  test.engine.auth.forgetAccount(created.body.id);
  const client = test.client();
  await client.firstLogin(username);
  return { client, id: created.body.id };
}

describe.each(testDatabases())('route × role matrix (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  const clients = {} as Record<Who, HttpClient>;
  let personId: string;
  let subWithId: string;

  beforeAll(async () => {
    const test = ctx.engine;
    const main = test.client();
    await main.firstLogin('jarmyy001');
    personId = (await main.post('/api/data/person', { data: personData({ departmentId: await departmentId(main, '内科') }) })).body.id;
    await addOrganisation(test.engine, { name: '江汉区卫生健康局', level: 'district', parentName: '武汉市卫生健康委员会', username: 'jhwjj0001' });
    clients.anonymous = test.client();
    for (const [who, username] of [['otherInstitution', 'jazxyy001'], ['bureauAbove', 'jawjj0001'], ['bureauElsewhere', 'jhwjj0001']] as const) {
      clients[who] = test.client();
      await clients[who].firstLogin(username);
    }
    clients.subWithout = (await subAccount(test, main, 'jarmybmgl', ['org.department'])).client;
    const subWith = await subAccount(test, main, 'jarmyrsk1', ['hr.person.view', 'hr.person.update']);
    [clients.subWith, subWithId] = [subWith.client, subWith.id];
  });

  const person = () => personData({ name: '张三丰' });
  const cases: Array<[string, (c: HttpClient) => Promise<{ status: number }>, Record<Who, number>]> = [
    ['GET a person', (c) => c.get(`/api/data/person/${personId}`),
      { anonymous: 401, otherInstitution: 404, subWithout: 403, subWith: 200, bureauAbove: 200, bureauElsewhere: 404 }],
    ['PUT a person', async (c) => c.put(`/api/data/person/${personId}`,
      { version: (await clients.subWith.get(`/api/data/person/${personId}`)).body.version, data: { ...person(), departmentId: (await clients.subWith.get(`/api/data/person/${personId}`)).body.data.departmentId } }),
      { anonymous: 401, otherInstitution: 404, subWithout: 403, subWith: 200, bureauAbove: 403, bureauElsewhere: 403 }],
    ['DELETE a person', (c) => c.delete(`/api/data/person/${personId}`),
      { anonymous: 401, otherInstitution: 404, subWithout: 403, subWith: 403, bureauAbove: 403, bureauElsewhere: 403 }],
    ['GET the person list', (c) => c.get('/api/data/person'),
      { anonymous: 401, otherInstitution: 200, subWithout: 403, subWith: 200, bureauAbove: 200, bureauElsewhere: 200 }],
    ['GET a sub-account', (c) => c.get(`/api/accounts/${subWithId}`),
      { anonymous: 401, otherInstitution: 404, subWithout: 403, subWith: 403, bureauAbove: 200, bureauElsewhere: 404 }],
    ['unlock a sub-account', (c) => c.post(`/api/accounts/${subWithId}/unlock`),
      { anonymous: 401, otherInstitution: 404, subWithout: 403, subWith: 403, bureauAbove: 200, bureauElsewhere: 404 }],
    ['GET the roles', (c) => c.get('/api/roles'),
      { anonymous: 401, otherInstitution: 200, subWithout: 403, subWith: 403, bureauAbove: 200, bureauElsewhere: 200 }],
    ['GET the audit log', (c) => c.get('/api/audit'),
      { anonymous: 401, otherInstitution: 200, subWithout: 403, subWith: 403, bureauAbove: 200, bureauElsewhere: 200 }],
    ['GET the person form', (c) => c.get('/api/entities/person'),
      { anonymous: 401, otherInstitution: 200, subWithout: 403, subWith: 200, bureauAbove: 200, bureauElsewhere: 200 }],
    ['GET the menu', (c) => c.get('/api/menu'),
      { anonymous: 401, otherInstitution: 200, subWithout: 200, subWith: 200, bureauAbove: 200, bureauElsewhere: 200 }],
  ];

  it.each(cases)('%s', async (_title, call, expected) => {
    const actual = {} as Record<Who, number>;
    for (const who of WHO) actual[who] = (await call(clients[who])).status;
    expect(actual).toEqual(expected);
  });

  it('shows the person only in lists of its institution and the bureaus above it', async () => {
    const listed = async (who: Who) => ((await clients[who].get('/api/data/person')).body.items as Array<{ id: string }>)
      .some((item) => item.id === personId);
    expect(await listed('subWith')).toBe(true);
    expect(await listed('bureauAbove')).toBe(true);
    expect(await listed('otherInstitution')).toBe(false);
    expect(await listed('bureauElsewhere')).toBe(false);
  });

  it('shows a sub-account only the functions its role holds', async () => {
    const menu = await clients.subWith.get('/api/menu');
    const keys = JSON.stringify(menu.body);
    expect(keys).toContain('hr.person');
    expect(keys).not.toContain('org.department');
    expect(keys).not.toContain('system');
    expect((await clients.subWith.get('/api/entities')).body.map((e: { key: string }) => e.key)).toEqual(['person']);
  });
});
