import { newId } from '../ids/index.js';
import type { Models } from '../db/index.js';

/** Roles every deployment has (guide §7.2): level 1 system administrator, level 2 main account. */
export const BUILTIN_ROLES = [
  { key: 'system-admin', name: '系统管理员', level: 'system' },
  { key: 'main', name: '总账号', level: 'org' },
] as const;

export type BuiltinRoleKey = (typeof BUILTIN_ROLES)[number]['key'];

/** Creates the built-in roles if missing; they hold `*`, every permission of their level. */
export async function ensureBuiltinRoles(models: Models, now: string): Promise<Record<BuiltinRoleKey, string>> {
  const ids = {} as Record<BuiltinRoleKey, string>;
  for (const role of BUILTIN_ROLES) {
    const existing = await models.Role.query().whereNull('org_id').findOne({ key: role.key });
    ids[role.key] = existing?.id ?? (await models.Role.query().insertAndFetch({
      id: newId(), orgId: null, key: role.key, name: role.name, level: role.level, builtin: true,
      permissions: ['*'], status: 'active', createdAt: now,
    })).id;
  }
  return ids;
}
