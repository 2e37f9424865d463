import type { Transfer, TransferSide, TransferStatus } from '../../api';

/** Each side's words for where a transfer stands, and the colour of its tag. */
const ENDED: Readonly<Record<Exclude<TransferStatus, 'pending'>, { label: string; color: string }>> = {
  approved: { label: '已调入', color: 'success' },
  rejected: { label: '调出单位不同意', color: 'error' },
  failed: { label: '调动未成功', color: 'error' },
  withdrawn: { label: '已撤回', color: 'default' },
};

const WAITING: Readonly<Record<TransferSide, Record<'review' | 'revise', string>>> = {
  in: { review: '待调出单位审核', revise: '已退回，待修改' },
  out: { review: '待本单位审核', revise: '已退回调入单位修改' },
};

export function transferStatus(transfer: Pick<Transfer, 'status' | 'stage'>, side: TransferSide): { label: string; color: string } {
  if (transfer.status !== 'pending') return ENDED[transfer.status];
  const stage = transfer.stage ?? 'review';
  return { label: WAITING[side][stage], color: stage === 'revise' ? 'warning' : 'processing' };
}

/** The 状态 filter: the waiting ones together, then each ending. */
export const statusOptions: ReadonlyArray<{ value: TransferStatus; label: string }> = [
  { value: 'pending', label: '审核中' },
  ...Object.entries(ENDED).map(([value, { label }]) => ({ value: value as TransferStatus, label })),
];

/** What an approval moved or left behind (counts by entity), in words. */
export const countsText = (counts: Readonly<Record<string, number>>, title: (entity: string) => string): string =>
  Object.entries(counts).map(([entity, n]) => `${title(entity)} ${n} 条`).join('、') || '无';
