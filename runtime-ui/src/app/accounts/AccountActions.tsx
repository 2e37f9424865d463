import { Button, Popconfirm, Space, Switch } from 'antd';
import type { Account } from '../../api';
import type { RowAction } from './accountRules';

export interface AccountHandlers {
  edit(account: Account): void;
  resetPassword(account: Account): void;
  update(account: Account, change: { status?: 'active' | 'disabled'; internetAccess?: boolean }): Promise<void>;
  unlock(account: Account): Promise<void>;
  resetTwoFactor(account: Account): Promise<void>;
  remove(account: Account): Promise<void>;
}

const link = { type: 'link', size: 'small' } as const;

function StatusButton({ account, handlers }: { account: Account; handlers: AccountHandlers }) {
  if (account.status !== 'active') {
    return <Button {...link} onClick={() => void handlers.update(account, { status: 'active' })}>启用</Button>;
  }
  return (
    <Popconfirm title="确定停用该账号吗？" description="停用后该账号不能登录。" okText="停用" cancelText="取消"
      onConfirm={() => handlers.update(account, { status: 'disabled' })}>
      <Button {...link}>停用</Button>
    </Popconfirm>
  );
}

/** The 操作 cell: only the buttons `rowActions` allows for this account. */
export function AccountActions({ account, allowed, handlers }: { account: Account; allowed: readonly RowAction[]; handlers: AccountHandlers }) {
  if (allowed.length === 0) return <span aria-label="无可用操作">—</span>;
  const has = (action: RowAction) => allowed.includes(action);
  return (
    <Space size={0} wrap>
      {has('edit') && <Button {...link} onClick={() => handlers.edit(account)}>修改</Button>}
      {has('unlock') && <Button {...link} onClick={() => void handlers.unlock(account)}>解锁</Button>}
      {has('resetPassword') && <Button {...link} onClick={() => handlers.resetPassword(account)}>重置密码</Button>}
      {has('resetPassword') && (
        <Popconfirm title="确定重置该账号的双因素认证吗？" description="用于手机丢失等情况：该账号将退出登录，下次登录后需重新绑定验证器应用。"
          okText="重置" cancelText="取消" onConfirm={() => handlers.resetTwoFactor(account)}>
          <Button {...link}>重置双因素</Button>
        </Popconfirm>
      )}
      {has('toggleStatus') && <StatusButton account={account} handlers={handlers} />}
      {has('delete') && (
        <Popconfirm title="确定删除该账号吗？" okText="删除" cancelText="取消" okButtonProps={{ danger: true }}
          onConfirm={() => handlers.remove(account)}>
          <Button {...link} danger>删除</Button>
        </Popconfirm>
      )}
    </Space>
  );
}

/** 互联网访问 in the 下级单位 view: a switch where the menu grants 修改, else plain text. */
export function InternetAccessCell({ account, editable, handlers }: { account: Account; editable: boolean; handlers: AccountHandlers }) {
  if (!editable) return <span>{account.internetAccess ? '已开通' : '未开通'}</span>;
  return <Switch size="small" checked={account.internetAccess} checkedChildren="开通" unCheckedChildren="关闭"
    aria-label={`互联网访问：${account.username}`} onChange={(on) => void handlers.update(account, { internetAccess: on })} />;
}
