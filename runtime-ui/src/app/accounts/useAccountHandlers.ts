import { App } from 'antd';
import { errorMessage, type Account } from '../../api';
import { useAppServices } from '../AppServices';
import type { AccountHandlers } from './AccountActions';

export type AccountDialog = { kind: 'create' } | { kind: 'edit' | 'reset'; account: Account };

function updateMessage(change: { status?: string; internetAccess?: boolean }): string {
  if (change.status) return change.status === 'active' ? '已启用' : '已停用';
  if (change.internetAccess !== undefined) return change.internetAccess ? '已开通互联网访问' : '已关闭互联网访问';
  return '保存成功';
}

/** What the list's buttons do: dialogs for 修改 and 重置密码, direct calls (then a reload) for the rest. */
export function useAccountHandlers(open: (dialog: AccountDialog) => void, reload: () => void): AccountHandlers {
  const { api } = useAppServices();
  const { message } = App.useApp();
  const run = (call: Promise<unknown>, success: string) => call.then(
    () => { message.success(success); reload(); },
    (e: unknown) => { message.error({ content: errorMessage(e), duration: 8 }); },
  );
  return {
    edit: (account) => open({ kind: 'edit', account }),
    resetPassword: (account) => open({ kind: 'reset', account }),
    update: (account, change) => run(api.admin.updateAccount(account.id, change), updateMessage(change)),
    unlock: (account) => run(api.admin.unlockAccount(account.id), '已解锁，该账号可以立即登录'),
    resetTwoFactor: (account) => run(api.twoFactor.resetFor(account.id), '已重置双因素认证，该账号下次登录后需重新绑定'),
    remove: (account) => run(api.admin.deleteAccount(account.id), '已删除'),
  };
}
