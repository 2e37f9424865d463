import type { Knex } from 'knex';
import type { Actor } from '../access/index.js';
import { BadRequestError } from '../errors/index.js';
import { maskIdNumbersDeep } from './mask.js';

export interface AuditItem {
  id: number; at: string; action: string; result: string | null; accountId: string | null; username: string | null;
  nickname: string | null; orgName: string | null; ip: string | null; entity: string | null; recordId: string | null;
  details: unknown;
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
    if (typeof query.from === 'string' && query.from) void q.where('audit_events.at', '>=', query.from);
    if (typeof query.to === 'string' && query.to) void q.where('audit_events.at', '<=', query.to);
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
