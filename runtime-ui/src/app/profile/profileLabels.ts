/** Names of the built-in roles (the engine's role keys `main`, `system-admin`). */
const BUILTIN_ROLES: Readonly<Record<string, string>> = { main: '总账号', 'system-admin': '系统管理员' };

/**
 * The user's roles by name. The session carries role keys only: built-in ones are named here, a
 * role the main account created has its id as key and is named from `GET /api/roles` when the user
 * may read it; otherwise it is shown as 子账号.
 */
export function roleNames(keys: readonly string[], known: ReadonlyMap<string, string>): string {
  const names = keys.map((key) => BUILTIN_ROLES[key] ?? known.get(key) ?? '子账号');
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
