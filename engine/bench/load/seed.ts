import { HttpClient } from '../../src/testing/HttpClient.js';
import type { Person } from '../../src/generated/index.js';
import { benchPerson } from '../people.js';
import type { LoadData } from './scenarios.js';

/** The password the demo accounts get at their first login here. */
const PASSWORD = 'Hosp#2024!x';
/**
 * The two demo institutions' main accounts: A's staff list is read, and A applies to take people
 * over from B (调入申请); B files probation and approves the transfers. The write paths work on B's
 * people so that A's list keeps the size of one real institution.
 */
export const ACCOUNTS = { reader: 'jarmyy001', writer: 'jazxyy001' } as const;
const BATCH = 200;

export interface SeededPerson { id: string; data: Person }
export type SessionHeaders = Record<string, string>;

/** Runs `work` over `items` with at most `concurrency` at once; the first failure stops it. */
export async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

function expect(status: number, wanted: number, what: string, body: unknown): void {
  if (status !== wanted) throw new Error(`load bench seed: ${what} answered ${status}: ${JSON.stringify(body).slice(0, 500)}`);
}

/** The demo accounts used here, past their first-login password change; one client each. */
export async function firstLogins(base: string): Promise<Record<string, HttpClient>> {
  const clients: Record<string, HttpClient> = {};
  for (const username of Object.values(ACCOUNTS)) {
    clients[username] = new HttpClient(base);
    await clients[username].firstLogin(username, PASSWORD);
  }
  return clients;
}

export async function departmentsOf(client: HttpClient): Promise<string[]> {
  const response = await client.get('/api/data/department?pageSize=100');
  expect(response.status, 200, 'department list', response.body);
  return (response.body.items as Array<{ id: string }>).map((d) => d.id);
}

/**
 * `count` distinct valid people (numbered from `from`: ID numbers unique across both institutions)
 * spread over the client's departments, through the batch API (200 per request, all or none).
 */
export async function seedPeople(client: HttpClient, from: number, count: number): Promise<SeededPerson[]> {
  const departments = await departmentsOf(client);
  const batches = Array.from({ length: Math.ceil(count / BATCH) }, (_v, b) =>
    Array.from({ length: Math.min(BATCH, count - b * BATCH) }, (_w, i) => from + b * BATCH + i));
  const people: SeededPerson[] = [];
  await inParallel(batches, 2, async (numbers) => {
    const items = numbers.map((n) => ({ data: benchPerson(n, departments[n % departments.length]!) }));
    const response = await client.post('/api/data/person/batch', { items });
    expect(response.status, 201, 'person batch', response.body);
    people.push(...(response.body.items as SeededPerson[]));
  });
  return people;
}

/** The task list shows a reviewer's newest 500 open tasks: applications are made and their tasks read in chunks below that. */
const TASK_CHUNK = 400;

/**
 * Open approval tasks for B's main account: A applies to take over each of B's `people` (调入申请),
 * which starts a `personTransfer` process whose review task is B's. Returns the task ids.
 */
export async function openTransferTasks(clients: Record<string, HttpClient>, people: SeededPerson[]): Promise<string[]> {
  const applicant = clients[ACCOUNTS.reader]!;
  const [departmentId] = await departmentsOf(applicant);
  const ids = new Set<string>();
  for (let from = 0; from < people.length; from += TASK_CHUNK) {
    await inParallel(people.slice(from, from + TASK_CHUNK), 6, async ({ data }) => {
      const response = await applicant.post('/api/transfers', { name: data.name, documentType: data.documentType,
        idNumber: data.idNumber, departmentId, reason: '工作调动（负载测试）' });
      expect(response.status, 201, 'transfer application', response.body);
    });
    const tasks = await clients[ACCOUNTS.writer]!.get('/api/tasks?state=open');
    expect(tasks.status, 200, 'task list', tasks.body);
    for (const task of tasks.body.items as Array<{ id: string; processKey: string }>) if (task.processKey === 'personTransfer') ids.add(task.id);
  }
  if (ids.size !== people.length) throw new Error(`load bench seed: ${ids.size} open transfer tasks for ${people.length} applications`);
  return [...ids];
}

/** One login per virtual user, one after another (logins of one account wait for each other's password check anyway). */
export async function sessions(base: string, username: string, count: number): Promise<SessionHeaders[]> {
  const list: SessionHeaders[] = [];
  for (let i = 0; i < count; i += 1) {
    const client = new HttpClient(base);
    const response = await client.login(username, PASSWORD);
    expect(response.status, 200, `login ${username}`, response.body);
    list.push({ cookie: client.cookieHeader(), 'x-csrf-token': client.csrfToken! });
  }
  return list;
}

/** Sizes of the prepared data: A's staff, B's people who get one probation filing each, and open transfer tasks. */
export interface DataSizes { listPeople: number; filings: number; transfers: number }

/** Everything the scenarios draw on, made through HTTP on one engine. */
export async function prepareData(base: string, sizes: DataSizes): Promise<LoadData> {
  const clients = await firstLogins(base);
  const listed = await seedPeople(clients[ACCOUNTS.reader]!, 0, sizes.listPeople);
  const departments = await departmentsOf(clients[ACCOUNTS.reader]!);
  const people = await seedPeople(clients[ACCOUNTS.writer]!, sizes.listPeople, sizes.filings + sizes.transfers);
  return { departments, peoplePerDepartment: listed.length / departments.length, probationPeople: people.slice(0, sizes.filings),
    taskIds: await openTransferTasks(clients, people.slice(sizes.filings)) };
}
