import type { Knex } from 'knex';
import type { Actor } from '../access/index.js';
import { BadRequestError } from '../errors/index.js';
import { likePattern } from '../records/listQuery.js';

import type { AccountView, ActiveStatus, RealNameStatus } from '../contract/index.js';

export type { AccountView };

type Row = Record<string, unknown>;
const flag = (value: unknown) => value === true || value === 1;

/**
 * Account lists: `own` — the actor's organisation; `below` — the organisations under it (what a
 * bureau, or the system administrator, unlocks and resets). Lock state comes from the throttle.
 */
export async function listAccounts(reader: Knex, actor: Actor, query: Record<string, unknown>, now: string) {
  const scope = query.scope === 'below' ? 'below' : 'own';
  const page = Math.max(1, Number(query.page ?? 1) || 1);
  const pageSize = Number(query.pageSize ?? 20);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) throw new BadRequestError('参数 pageSize 应为 1 到 100 之间的整数。', 'BAD_QUERY');
  const base = () => {
    const q = reader('accounts').join('orgs', 'orgs.id', 'accounts.org_id');
    if (scope === 'own') void q.where('accounts.org_id', actor.orgId);
    else void q.where('orgs.path', 'like', `${actor.orgPath}%`).whereNot('accounts.org_id', actor.orgId);
    if (typeof query.q === 'string' && query.q.trim()) {
      const pattern = likePattern(query.q.trim().slice(0, 50));
      void q.where((w) => { void w.whereRaw("accounts.username LIKE ? ESCAPE '\\'", [pattern]).orWhereRaw("accounts.nickname LIKE ? ESCAPE '\\'", [pattern]); });
    }
    return q;
  };
  const [count] = await base().count<Array<{ total: number }>>({ total: '*' });
  const rows = await base().leftJoin('login_throttle', 'login_throttle.username_key', 'accounts.username_key')
    .select('accounts.*', 'orgs.name as org_name', 'login_throttle.locked_until as throttle_locked_until')
    .orderBy([{ column: 'accounts.is_main', order: 'desc' }, { column: 'accounts.created_at' }])
    .limit(pageSize).offset((page - 1) * pageSize) as Row[];
  return { items: await withRoles(reader, rows, now), total: Number(count?.total ?? 0) };
}

export async function accountViews(reader: Knex, ids: string[], now: string): Promise<AccountView[]> {
  const rows = await reader('accounts').join('orgs', 'orgs.id', 'accounts.org_id')
    .leftJoin('login_throttle', 'login_throttle.username_key', 'accounts.username_key').whereIn('accounts.id', ids)
    .select('accounts.*', 'orgs.name as org_name', 'login_throttle.locked_until as throttle_locked_until') as Row[];
  return withRoles(reader, rows, now);
}

async function withRoles(reader: Knex, rows: Row[], now: string): Promise<AccountView[]> {
  const roles = await reader('account_roles').join('roles', 'roles.id', 'account_roles.role_id')
    .whereIn('account_roles.account_id', rows.map((r) => r.id as string))
    .select('account_roles.account_id', 'roles.id', 'roles.name') as Array<{ account_id: string; id: string; name: string }>;
  return rows.map((r) => {
    const lockedUntil = typeof r.throttle_locked_until === 'string' && r.throttle_locked_until > now ? r.throttle_locked_until : null;
    const subsystems = typeof r.subsystems === 'string' ? JSON.parse(r.subsystems) as string[] : (r.subsystems as string[] | null) ?? [];
    return {
      id: r.id as string, username: r.username as string, nickname: r.nickname as string, mobile: (r.mobile as string | null) ?? null,
      orgId: r.org_id as string, orgName: r.org_name as string,
      roles: roles.filter((x) => x.account_id === r.id).map(({ id, name }) => ({ id, name })),
      isMain: flag(r.is_main), status: r.status as ActiveStatus, internetAccess: flag(r.internet_access), subsystems,
      realNameStatus: r.real_name_status as RealNameStatus, mustChangePassword: flag(r.must_change_password), lockedUntil,
      createdAt: r.created_at as string,
    };
  });
}
