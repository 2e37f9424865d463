import { expect } from 'vitest';
import { departmentId, personData, PNG_1X1, residentId, type HttpClient } from '../../testing/index.js';

export interface StaffMember {
  id: string;
  name: string;
  idNumber: string;
  /** Linked record ids by entity. */
  linked: Record<string, string>;
  /** The uploaded scans' file ids. */
  scans: string[];
}

const created = async (client: HttpClient, entity: string, data: Record<string, unknown>): Promise<string> => {
  const response = await client.post(`/api/data/${entity}`, { data });
  expect(response.status, `${entity}: ${JSON.stringify(response.body)}`).toBe(201);
  return response.body.id as string;
};

const scan = async (client: HttpClient, scans: string[]): Promise<string> => {
  const id = (await client.upload('/api/files', '扫描件.png', PNG_1X1, 'image/png')).body.id as string;
  scans.push(id);
  return id;
};

/**
 * A person of the client's institution with a post, education, degree, physician qualification
 * (its certificate code is a key) and one probation segment of 2024 — what a transfer moves and leaves.
 */
export async function staffMember(client: HttpClient, name: string, sequence: string, certificateCode: string): Promise<StaffMember> {
  const idNumber = residentId('1990-05-17', sequence);
  const postId = await created(client, 'post', { name: `岗位${sequence}` });
  const id = await created(client, 'person', personData({ name, idNumber, departmentId: await departmentId(client, '内科'), postId }));
  const scans: string[] = [];
  const linked = {
    education: await created(client, 'education', { personId: id, educationLevel: '21', school: '武汉大学', major: '临床医学',
      graduationDate: '2015-06-30', scan: await scan(client, scans) }),
    degree: await created(client, 'degree', { personId: id, degree: '410', school: '武汉大学', awardDate: '2015-06-30', scan: await scan(client, scans) }),
    physicianQualification: await created(client, 'physicianQualification', { personId: id, certificateCode, level: '1', category: '1',
      obtainedDate: '2018-09-01', scan: await scan(client, scans) }),
    probation: await created(client, 'probation', probationOf(id)),
  };
  return { id, name, idNumber, linked, scans };
}

export const probationOf = (personId: string) => ({ personId, candidateType: 'nonFresh', examYear: 2024, startDate: '2023-01-01',
  endDate: '2024-01-31', supervisor: '李四', supervisorCertificateCode: '110420100000001' });

export const identityOf = (person: StaffMember) => ({ name: person.name, documentType: '01', idNumber: person.idNumber });

/** The open task of an instance the client may act on, if any. */
export async function openTask(client: HttpClient, instanceId: string) {
  return ((await client.get('/api/tasks')).body.items as Array<{ id: string; instanceId: string; form: unknown; data: Record<string, unknown> }>)
    .find((t) => t.instanceId === instanceId);
}

/** The receiving institution applies for the person, joining 外科. */
export async function applyFor(client: HttpClient, person: StaffMember, reason = '工作调动') {
  const response = await client.post('/api/transfers', { ...identityOf(person), departmentId: await departmentId(client, '外科'), reason });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.transfer as { id: string; instanceId: string; status: string; stage: string | null };
}

/** The releasing institution's main account completes its review of the transfer. */
export async function review(client: HttpClient, instanceId: string, outcome: string, comment = '') {
  const task = await openTask(client, instanceId);
  expect(task, 'the releasing institution has the review task').toBeDefined();
  const done = await client.post(`/api/tasks/${task!.id}/complete`, { outcome, comment });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
}
