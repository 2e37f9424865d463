import { expect } from 'vitest';
import { departmentId, personData, PNG_1X1, residentId, type HttpClient } from '../../testing/index.js';

export const YEAR = 2024;
export type Candidate = { personId: string; name: string; status: string; statusLabel: string; returnReason: string | null; submissionId: string;
  readiness: { ready: boolean; reasons: Array<{ code: string; message: string }> } };
export type Task = { id: string; instanceId: string; processKey: string; businessKey: string; form: { view: string } | null;
  data: Record<string, unknown> };

let sequence = 100;

/** A person of the client's institution with everything 预报名 needs: contact, post, education with scan, probation of 2024. */
export async function readyPerson(client: HttpClient, name: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const post = await client.post('/api/data/post', { data: { name: `岗位${name}` } });
  expect(post.status, JSON.stringify(post.body)).toBe(201);
  sequence += 2;
  const person = await client.post('/api/data/person', { data: personData({ name, idNumber: residentId('1990-05-17', String(sequence)),
    departmentId: await departmentId(client, '内科'), mobile: '13800138000', postId: post.body.id, nation: '01', ...overrides }) });
  expect(person.status, JSON.stringify(person.body)).toBe(201);
  const id = person.body.id as string;
  const scan = (await client.upload('/api/files', '毕业证.png', PNG_1X1, 'image/png')).body.id;
  const education = await client.post('/api/data/education', { data: { personId: id, educationLevel: '21', school: '武汉大学',
    major: '临床医学', graduationDate: '2015-06-30', scan } });
  expect(education.status, JSON.stringify(education.body)).toBe(201);
  const probation = await client.post('/api/data/probation', { data: { personId: id, candidateType: 'nonFresh', examYear: YEAR,
    startDate: '2023-01-01', endDate: '2024-01-31', supervisor: '李医生', supervisorCertificateCode: '110420100000001' } });
  expect(probation.status, JSON.stringify(probation.body)).toBe(201);
  return id;
}

export async function candidates(client: HttpClient, year = YEAR): Promise<Map<string, Candidate>> {
  const response = await client.get(`/api/pre-registration/${year}/candidates`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return new Map((response.body.items as Candidate[]).map((c) => [c.personId, c]));
}

export async function submit(client: HttpClient, personIds: string[]): Promise<{ id: string; instanceId: string; status: string }> {
  const response = await client.post(`/api/pre-registration/${YEAR}/submissions`, { personIds });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.submission;
}

/** The open review task of a submission as the client sees it (undefined when it sees none). */
export async function reviewTask(client: HttpClient, submissionId: string): Promise<Task | undefined> {
  return ((await client.get('/api/tasks')).body.items as Task[]).find((t) => t.businessKey === submissionId);
}

export async function decide(client: HttpClient, submissionId: string, body: Record<string, unknown>) {
  const task = await reviewTask(client, submissionId);
  expect(task, 'the review task').toBeDefined();
  return client.post(`/api/tasks/${task!.id}/complete`, body);
}

/** Updates a person's mobile number (a write the lock refuses while they are submitted). */
export async function touchPerson(client: HttpClient, personId: string, mobile = '13900139000') {
  const current = (await client.get(`/api/data/person/${personId}`)).body;
  return client.put(`/api/data/person/${personId}`, { version: current.version, data: { ...current.data, mobile } });
}
