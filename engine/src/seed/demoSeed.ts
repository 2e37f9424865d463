import { createMainAccount } from '../accounts/mainAccounts.js';
import type { AuthService } from '../auth/index.js';
import type { Database, OrgLevel } from '../db/index.js';
import type { Department, Institution } from '../generated/index.js';
import type { OrgService } from '../orgs/index.js';
import type { RecordService } from '../records/index.js';
import type { BuiltinRoleKey } from './builtinRoles.js';

/** The demo organisations and accounts of API.md: province → city → district → two institutions. */
const ORGS: Array<{ name: string; level: OrgLevel; parent?: string; account: string; nickname: string }> = [
  { name: '湖北省卫生健康委员会', level: 'province', account: 'hbwjw0001', nickname: '湖北省卫生健康委员会' },
  { name: '武汉市卫生健康委员会', level: 'city', parent: '湖北省卫生健康委员会', account: 'whwjw0001', nickname: '武汉市卫生健康委员会' },
  { name: '江岸区卫生健康局', level: 'district', parent: '武汉市卫生健康委员会', account: 'jawjj0001', nickname: '江岸区卫生健康局' },
  { name: '江岸区人民医院', level: 'institution', parent: '江岸区卫生健康局', account: 'jarmyy001', nickname: '江岸区人民医院' },
  { name: '江岸区中心医院', level: 'institution', parent: '江岸区卫生健康局', account: 'jazxyy001', nickname: '江岸区中心医院' },
];

const INSTITUTIONS: Record<string, Institution> = {
  江岸区人民医院: { name: '江岸区人民医院', creditCode: '12420102MB00000016', category: '10', grade: '31',
    legalRepresentative: '张明', address: '湖北省武汉市江岸区示例路 1 号', postalCode: '430010' },
  江岸区中心医院: { name: '江岸区中心医院', creditCode: '12420102MB00000029', category: '10', grade: '21',
    legalRepresentative: '李华', address: '湖北省武汉市江岸区示例路 2 号', postalCode: '430014' },
};

/** A few departments per institution (内科 with 心血管内科, 外科, 医务科 …). */
const DEPARTMENTS: Array<Department & { children?: Department[] }> = [
  { name: '内科', category: '1', standardName: 'A03', order: 1, children: [
    { name: '心血管内科', category: '1', standardName: 'A03.04', order: 1 },
    { name: '呼吸内科', category: '1', standardName: 'A03.01', order: 2 },
  ] },
  { name: '外科', category: '1', standardName: 'A04', order: 2 },
  { name: '儿科', category: '1', standardName: 'A07', order: 3 },
  { name: '医学检验科', category: '1', standardName: 'A30', order: 4 },
  { name: '医务科', category: '2', order: 5 },
  { name: '人事科', category: '2', order: 6 },
];

export interface SeedDeps {
  db: Database;
  orgs: OrgService;
  records: RecordService;
  auth: AuthService;
  roles: Record<BuiltinRoleKey, string>;
  defaultPassword: string;
  now: string;
}

const createAccount = (deps: SeedDeps, orgId: string, username: string, nickname: string, role: BuiltinRoleKey) =>
  createMainAccount(deps.db, { orgId, username, nickname, password: deps.defaultPassword, roleId: deps.roles[role],
    isMain: role === 'main', realNameStatus: 'approved', internetAccess: true, now: deps.now });

/** Fills an empty database with the demo seed (never in production mode). Returns false if not empty. */
export async function seedDemo(deps: SeedDeps): Promise<boolean> {
  if ((await deps.db.models.Org.query().resultSize()) > 0) return false;
  const ids = new Map<string, string>();
  for (const org of ORGS) {
    const created = await deps.orgs.create({ name: org.name, level: org.level, parentId: org.parent ? ids.get(org.parent) : undefined, now: deps.now });
    ids.set(org.name, created.id);
    const accountId = await createAccount(deps, created.id, org.account, org.nickname, 'main');
    if (org.level === 'institution') await seedInstitution(deps, accountId, org.name);
  }
  await createAccount(deps, ids.get('湖北省卫生健康委员会')!, 'sysadmin01', '系统管理员', 'system-admin');
  return true;
}

/** Institution information and departments, written through the records service (so validated). */
async function seedInstitution(deps: SeedDeps, accountId: string, name: string): Promise<void> {
  const actor = await deps.auth.actorForAccount(accountId);
  await deps.records.create(actor, 'institution', INSTITUTIONS[name]);
  for (const { children, ...department } of DEPARTMENTS) {
    const parent = await deps.records.create(actor, 'department', department);
    for (const child of children ?? []) await deps.records.create(actor, 'department', { ...child, parentId: parent.id });
  }
}
