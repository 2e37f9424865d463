import type { Knex } from 'knex';
import type { Actor } from '../access/index.js';
import { BadRequestError } from '../errors/index.js';
import { maskIdNumbersDeep } from './mask.js';

import type { AuditItem } from '../contract/index.js';

export type { AuditItem };

/** `from`/`to` in any ISO 8601 form, compared as the stored UTC text. */
function instant(value: unknown, name: string): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new BadRequestError(`参数 ${name} 应为有效的时间（ISO 8601，例如 2026-11-25T00:00:00+08:00）。`, 'BAD_QUERY');
  return time.toISOString();
}

const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) as unknown : value);

/**
 * The audit log as administrators read it (R-13, MLPS 8.1.4): events of their own organisation and
 * those below; the system administrator also sees events of no organisation (unknown usernames).
 */
export async function listAudit(reader: Knex, actor: Actor, query: Record<string, unknown>) {
  const page = Math.max(1, Number(query.page ?? 1) || 1);
  const pageSize = Number(query.pageSize ?? 50);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200) throw new BadRequestError('参数 pageSize 应为 1 到 200 之间的整数。', 'BAD_QUERY');
  const base = () => {
    const q = reader('audit_events').leftJoin('orgs', 'orgs.id', 'audit_events.org_id')
      .where((w) => {
        void w.where('orgs.path', 'like', `${actor.orgPath}%`);
        if (actor.roles.includes('system-admin')) void w.orWhereNull('audit_events.org_id');
      });
    if (typeof query.action === 'string' && query.action) void q.where('audit_events.action', 'like', `${query.action.replace(/[%_\\]/g, '')}%`);
    if (typeof query.accountId === 'string' && query.accountId) void q.where('audit_events.account_id', query.accountId);
    const [from, to] = [instant(query.from, 'from'), instant(query.to, 'to')];
    if (from) void q.where('audit_events.at', '>=', from);
    if (to) void q.where('audit_events.at', '<=', to);
    return q;
  };
  const [count] = await base().count<Array<{ total: number }>>({ total: '*' });
  const rows = await base().leftJoin('accounts', 'accounts.id', 'audit_events.account_id')
    .select('audit_events.*', 'orgs.name as org_name', 'accounts.username', 'accounts.nickname')
    .orderBy('audit_events.id', 'desc').limit(pageSize).offset((page - 1) * pageSize) as Array<Record<string, unknown>>;
  const items = rows.map((r): AuditItem => {
    const details = (parse(r.details) ?? {}) as Record<string, unknown>;
    return { id: Number(r.id), at: r.at as string, action: r.action as string,
      result: typeof details.result === 'string' ? details.result : null, accountId: (r.account_id as string | null) ?? null,
      username: (r.username as string | null) ?? (typeof details.username === 'string' ? details.username : null),
      nickname: (r.nickname as string | null) ?? null, orgName: (r.org_name as string | null) ?? null, ip: (r.ip as string | null) ?? null,
      entity: (r.entity as string | null) ?? null, recordId: (r.record_id as string | null) ?? null, details: maskIdNumbersDeep(details) };
  });
  return { items, total: Number(count?.total ?? 0) };
}
