import { caseRecords, probation2024Cases } from '../../src/rules/cases/index.js';
import { ACCOUNTS, type SeededPerson } from './seed.js';

/** One request of a scenario; undefined when its prepared data is used up. */
export interface LoadRequest { method: 'GET' | 'POST'; path: string; body?: string }

export interface Scenario {
  key: string;
  label: string;
  /** The account whose sessions send the requests. */
  account: string;
  next(): LoadRequest | undefined;
  /** How many more requests the prepared data allows (Infinity for reads). */
  left(): number;
}

/** What the scenarios draw on: seeded once per run, consumed in order across warm-ups and measurements. */
export interface LoadData {
  /** A's departments and its people per department, for the filters and page numbers of the staff list. */
  departments: string[];
  peoplePerDepartment: number;
  /** B's people with no probation record yet: one valid 2024 filing each. */
  probationPeople: SeededPerson[];
  /** Open review tasks of B's main account (A's transfer applications). */
  taskIds: string[];
}

const PAGE_SIZE = 20;

/** Single-segment 2024 cases that every rule accepts for an on-duty mainland person (the probation table of issue 4). */
const validFilings = probation2024Cases.filter((c) => c.expect.length === 0 && c.segments.length === 1 && !c.person
  && !c.segments[0]!.material);

/** Hands out the items of a list one by one. */
function cursor<T>(items: T[]): { take(): T | undefined; left(): number } {
  let next = 0;
  return { take: () => items[next++], left: () => Math.max(0, items.length - next) };
}

function staffList(data: LoadData): Scenario {
  let n = 0;
  const pages = Math.max(1, Math.floor(data.peoplePerDepartment / PAGE_SIZE));
  return {
    key: 'list', account: ACCOUNTS.reader, label: '人员列表 GET /api/data/person (page of 20, one department, on duty)',
    next: () => {
      const i = n++;
      const department = data.departments[i % data.departments.length]!;
      const page = 1 + (Math.floor(i / data.departments.length) % pages);
      return { method: 'GET', path: `/api/data/person?page=${page}&pageSize=${PAGE_SIZE}&departmentId=${department}&employmentStatus=1` };
    },
    left: () => Infinity,
  };
}

function probationSave(data: LoadData): Scenario {
  const people = cursor(data.probationPeople);
  let n = 0;
  return {
    key: 'probation', account: ACCOUNTS.writer, label: '试用期保存 POST /api/data/probation (probation-2024 rules: record and group)',
    next: () => {
      const person = people.take();
      if (!person) return undefined;
      const [record] = caseRecords(validFilings[n++ % validFilings.length]!, person.id);
      return { method: 'POST', path: '/api/data/probation', body: JSON.stringify({ data: record }) };
    },
    left: people.left,
  };
}

function taskCompletion(data: LoadData): Scenario {
  const tasks = cursor(data.taskIds);
  return {
    key: 'task', account: ACCOUNTS.writer, label: '审批 POST /api/tasks/:id/complete (a transfer approved: the person moves to A)',
    next: () => {
      const id = tasks.take();
      return id === undefined ? undefined
        : { method: 'POST', path: `/api/tasks/${id}/complete`, body: JSON.stringify({ outcome: 'approve', comment: '同意' }) };
    },
    left: tasks.left,
  };
}

/** The scenarios in the order they run (the task scenario moves people into A, so it runs after the list). */
export const scenarioFactories: Array<(data: LoadData) => Scenario> = [staffList, probationSave, taskCompletion];
