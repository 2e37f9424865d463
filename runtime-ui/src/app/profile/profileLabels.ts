/** The user's roles by name (the session carries them), for 个人中心. */
export function roleNames(names: readonly string[]): string {
  return [...new Set(names)].join('、') || '—';
}

const REAL_NAME: Readonly<Record<string, { text: string; color: string }>> = {
  none: { text: '未认证', color: 'default' },
  submitted: { text: '待审核', color: 'processing' },
  approved: { text: '已认证', color: 'success' },
  rejected: { text: '审核未通过', color: 'error' },
};

/** 实名状态 as a label and a tag colour. */
export function realNameLabel(status: string): { text: string; color: string } {
  return REAL_NAME[status] ?? { text: status, color: 'default' };
}
