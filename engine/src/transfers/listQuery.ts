import type { Actor } from '../access/index.js';
import { BadRequestError } from '../errors/index.js';
import { MAX_PAGE_SIZE } from '../records/index.js';
import type { TransferListQuery, TransferStatus } from './TransferRepository.js';

/** 人员调入 lists what came (or is applied for) to the reader's institutions; 人员调出 what left (or is asked to). */
export type TransferSide = 'in' | 'out';

const STATUSES: readonly TransferStatus[] = ['pending', 'approved', 'rejected', 'failed', 'withdrawn'];
const COLUMNS: Record<TransferSide, TransferListQuery['side']> = { in: 'to_org_id', out: 'from_org_id' };

type Raw = Record<string, string | string[] | undefined>;

function text(raw: Raw, name: string): string | undefined {
  const value = raw[name];
  if (Array.isArray(value)) throw new BadRequestError(`参数 ${name} 只能出现一次。`, 'BAD_QUERY');
  return value?.trim() || undefined;
}

function positive(raw: Raw, name: string, fallback: number, max: number): number {
  const value = text(raw, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new BadRequestError(`参数 ${name} 应为 1 到 ${max} 之间的整数。`, 'BAD_QUERY');
  return n;
}

/** `?status=&q=&personId=&page=&pageSize=` of a list, within the reader's organisation (a bureau: its subtree). */
export function parseTransferQuery(actor: Actor, side: TransferSide, raw: Raw): TransferListQuery {
  const status = text(raw, 'status');
  if (status !== undefined && !STATUSES.includes(status as TransferStatus)) {
    throw new BadRequestError(`参数 status 只能是 ${STATUSES.join('、')} 之一。`, 'BAD_QUERY', '/status');
  }
  const q = text(raw, 'q')?.slice(0, 50);
  const personId = text(raw, 'personId');
  return {
    side: COLUMNS[side],
    ...(actor.orgLevel === 'institution' ? { orgId: actor.orgId } : { orgPath: actor.orgPath }),
    ...(status ? { status: status as TransferStatus } : {}),
    ...(q ? { q } : {}),
    ...(personId ? { personId } : {}),
    page: positive(raw, 'page', 1, 1_000_000),
    pageSize: positive(raw, 'pageSize', 20, MAX_PAGE_SIZE),
  };
}
