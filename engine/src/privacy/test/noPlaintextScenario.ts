import { expect } from 'vitest';
import { fill, importFile, template } from '../../imports/test/workbooks.js';
import { decide, readyPerson, submit } from '../../preRegistration/test/fixture.js';
import { gb11643CheckChar } from '../../schema/idDocuments/index.js';
import { departmentId, JPEG_1X1, PDF_MINIMAL, personData, type HttpClient } from '../../testing/index.js';
import { applyFor, review, staffMember } from '../../transfers/test/transferFixture.js';

/** Valid mainland ID numbers ending in X (so a lower-case copy is a different string), one per birth date. */
export function idsEndingInX(count: number): string[] {
  const ids: string[] = [];
  for (let day = 1; ids.length < count; day += 1) {
    for (let sequence = 100; sequence < 1000; sequence += 1) {
      const first17 = `420102198803${String(day).padStart(2, '0')}${sequence}`;
      if (gb11643CheckChar(first17) === 'X') {
        ids.push(`${first17}X`);
        break;
      }
    }
  }
  return ids;
}

export interface Clients { renmin: HttpClient; zhongxin: HttpClient; district: HttpClient; sub: HttpClient }

const ok = (response: { status: number; body: unknown }, status = 200) => expect(response.status, JSON.stringify(response.body)).toBe(status);

/** Person create and update (the ID number changed), and an Excel import: the generic records. */
async function records(renmin: HttpClient, created: string, changed: string, imported: string): Promise<void> {
  const person = await renmin.post('/api/data/person', { data: personData({ name: '赵二', idNumber: created,
    departmentId: await departmentId(renmin, '内科') }) });
  ok(person, 201);
  const { version, data: { birthDate: _birth, sex: _sex, ...data } } = (await renmin.get(`/api/data/person/${person.body.id}`)).body;
  ok(await renmin.put(`/api/data/person/${person.body.id}`, { version, data: { ...data, idNumber: changed, mobile: '13700137000' } }));
  const file = await fill(await template(renmin, 'person'), [{ 机构名称: '江岸区人民医院', 姓名: '钱三', 证件类型: '居民身份证',
    证件号码: imported, '国籍/地区': '中国', 所在部门: '内科', 在职状态: '在岗人员' }]);
  const done = await importFile(renmin, 'person', file);
  ok(done);
  expect(done.body.job).toMatchObject({ status: 'succeeded', imported: 1 });
}

/** A candidate with probation submitted for pre-registration and accepted by the district; the accepted list searched and exported. */
async function preRegistration({ renmin, district }: Clients, idNumber: string): Promise<void> {
  const personId = await readyPerson(renmin, '孙四', { idNumber });
  const submission = await submit(renmin, [personId]);
  ok(await decide(district, submission.id, { outcome: 'approve' }));
  const found = await district.get(`/api/pre-registration/2024/accepted?q=${idNumber}`);
  expect(found.body.items.map((i: { personId: string }) => i.personId)).toEqual([personId]);
  ok(await district.download('/api/pre-registration/2024/accepted/export'));
}

/** A transfer applied for by ID number, found in the list by it, and approved (the person moves). */
async function transfer({ renmin, zhongxin }: Clients): Promise<string> {
  const person = await staffMember(renmin, '周六', '357', '110420100000000000000099');
  const applied = await applyFor(zhongxin, person);
  expect((await zhongxin.get(`/api/transfers/in?q=${person.idNumber}`)).body.total).toBe(1);
  await review(renmin, applied.instanceId, 'approve', '同意');
  expect((await zhongxin.get(`/api/transfers/${applied.id}`)).body.transfer).toMatchObject({ status: 'approved', idNumber: person.idNumber });
  return person.idNumber;
}

/** A sub-account's real-name application (its own ID number), submitted and approved by the main account. */
async function realName({ renmin, sub }: Clients, idNumber: string): Promise<void> {
  const front = (await sub.upload('/api/real-name/files', '正面.jpg', JPEG_1X1)).body.id;
  const back = (await sub.upload('/api/real-name/files', '反面.jpg', JPEG_1X1)).body.id;
  ok(await sub.put('/api/real-name', { data: { name: '吴七', documentType: '01', idNumber: idNumber.toLowerCase(), mobile: '13800138000',
    frontImageId: front, backImageId: back } }));
  const scanFileId = (await sub.upload('/api/real-name/files', '盖章扫描件.pdf', PDF_MINIMAL)).body.id;
  const submitted = await sub.post('/api/real-name/submit', { scanFileId });
  ok(submitted);
  const task = ((await renmin.get('/api/tasks')).body.items as Array<{ id: string; instanceId: string; data: { idNumber?: string } }>)
    .find((t) => t.instanceId === submitted.body.application.instanceId);
  expect(task?.data.idNumber).toBe(idNumber);
  ok(await renmin.post(`/api/tasks/${task!.id}/complete`, { outcome: 'approve', comment: '信息无误' }));
  expect((await sub.get('/api/real-name')).body.application).toMatchObject({ status: 'approved', data: { idNumber } });
}

/** A change of the institution's read-only data staged for review (its proposed values exist nowhere else yet). */
async function changeRequest({ renmin }: Clients, marker: string): Promise<void> {
  const created = await renmin.post('/api/change-requests/institution', { data: { legalRepresentative: marker }, reason: '换法人' });
  ok(created, 201);
  expect(created.body.request.diff.legalRepresentative.to).toBe(marker);
}

/**
 * Stores the given ID numbers (and `marker`) through every feature that keeps personal data,
 * over HTTP: needs 5 ID numbers; returns every value that must not be found in plain text.
 */
export async function storeEverywhere(clients: Clients, ids: string[], marker: string): Promise<string[]> {
  await records(clients.renmin, ids[0]!, ids[1]!, ids[2]!);
  await preRegistration(clients, ids[3]!);
  await realName(clients, ids[4]!);
  const moved = await transfer(clients);
  await changeRequest(clients, marker);
  return [...ids, moved, marker];
}

/** The main accounts, the district, and a sub-account of 江岸区人民医院 still to be verified by real name. */
export async function loginClients(client: () => HttpClient): Promise<Clients> {
  const [renmin, zhongxin, district, sub] = [client(), client(), client(), client()];
  await Promise.all([renmin.firstLogin('jarmyy001'), zhongxin.firstLogin('jazxyy001'), district.firstLogin('jawjj0001')]);
  const role = await renmin.post('/api/roles', { name: '人事科', permissions: ['hr.person.view'] });
  ok(role, 201);
  ok(await renmin.post('/api/accounts', { roleId: role.body.id, username: 'jarmyrsk01', nickname: '人事科', mobile: '13800138000' }), 201);
  await sub.firstLogin('jarmyrsk01');
  return { renmin, zhongxin, district, sub };
}
