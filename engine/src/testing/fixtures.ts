import { createMainAccount } from '../accounts/index.js';
import type { Engine } from '../app/index.js';
import type { OrgLevel } from '../db/index.js';
import { gb11643CheckChar } from '../schema/idDocuments/index.js';
import type { HttpClient } from './HttpClient.js';

/** A valid mainland ID number for a birth date and sequence (odd = male, even = female). */
export function residentId(birthDate: string, sequence: string, region = '420102'): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${sequence}`;
  return `${first17}${gb11643CheckChar(first17)}`;
}

/** The id of a department by name, as the institution sees it. */
export async function departmentId(client: HttpClient, name: string): Promise<string> {
  const response = await client.get(`/api/data/department?q=${encodeURIComponent(name)}&pageSize=100`);
  const found = (response.body.items as Array<{ id: string; data: { name: string } }>).find((d) => d.data.name === name);
  if (!found) throw new Error(`department ${name} not found`);
  return found.id;
}

export function personData(overrides: Record<string, unknown> = {}) {
  return {
    name: '张三', documentType: '01', idNumber: residentId('1990-05-17', '123'), nationality: 'CHN',
    employmentStatus: '1', ...overrides,
  };
}

/**
 * Another organisation with a main account (password changed, real-name approved), for tests that
 * need more of the tree than the demo seed has (a second district, say).
 */
export async function addOrganisation(engine: Engine, input: { name: string; level: OrgLevel; parentName: string;
  username: string }): Promise<{ orgId: string; accountId: string }> {
  const { db } = engine;
  const parent = await db.models.Org.query().findOne({ name: input.parentName });
  if (!parent) throw new Error(`No organisation named ${input.parentName}`);
  const now = engine.clock.now().toISOString();
  const org = await engine.orgs.create({ name: input.name, level: input.level, parentId: parent.id, now });
  const main = await db.models.Role.query().whereNull('org_id').findOne({ key: 'main' });
  const accountId = await createMainAccount(db, { orgId: org.id, username: input.username, nickname: input.name,
    password: 'Zjrj@-2007', roleId: main!.id, isMain: true, realNameStatus: 'approved', internetAccess: true, now });
  return { orgId: org.id, accountId };
}
