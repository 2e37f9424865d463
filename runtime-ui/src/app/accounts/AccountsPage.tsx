import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Table, Tabs } from 'antd';
import { useState } from 'react';
import type { Account, AccountScope } from '../../api';
import { useAppServices } from '../AppServices';
import { useLoadable } from '../common';
import type { PageProps } from '../navigation';
import { useActiveSession } from '../session';
import { accountColumns } from './accountColumns';
import { AccountFormModal } from './AccountFormModal';
import { managesBelow, type RowContext } from './accountRules';
import { ResetPasswordModal } from './ResetPasswordModal';
import { useAccountHandlers, type AccountDialog } from './useAccountHandlers';

interface Query {
  scope: AccountScope;
  q: string;
  page: number;
  pageSize: number;
}

const SCOPES = [{ key: 'own', label: '本单位' }, { key: 'below', label: '下级单位' }];

function useAccountList(query: Query) {
  const { api } = useAppServices();
  return useLoadable(() => api.admin.accounts(query), [api, query.scope, query.q, query.page, query.pageSize]);
}

/** Roles to choose from when adding or editing (`GET /api/accounts/role-options`: those the user may assign). */
function useRoleChoices(needed: boolean) {
  const { api } = useAppServices();
  const roles = useLoadable(() => (needed ? api.admin.roleOptions() : Promise.resolve([])), [api, needed]);
  return { roles: roles.status === 'ready' ? roles.value : [], loading: roles.pending,
    failure: roles.status === 'failed' ? roles.message : undefined };
}

function Dialogs({ dialog, close, done }: { dialog?: AccountDialog; close(): void; done(text: string): void }) {
  const { roles, loading, failure } = useRoleChoices(dialog?.kind === 'create' || dialog?.kind === 'edit');
  if (!dialog) return null;
  if (dialog.kind === 'reset') {
    return <ResetPasswordModal account={dialog.account} onClose={close}
      onDone={(_, toDefault) => done(toDefault ? '密码已重置为默认密码' : '密码已重置')} />;
  }
  const account = dialog.kind === 'edit' ? dialog.account : undefined;
  return <AccountFormModal account={account} roles={roles} rolesLoading={loading} rolesFailure={failure} onClose={close} onSaved={() => done('保存成功')} />;
}

/**
 * 账号管理 (guide §7.2, §7.3): the organisation's accounts (the main account listed, not operable);
 * bureaus and the system administrator also see 下级单位, where they unlock, reset, enable/disable
 * and open internet access. Every button only where the menu grants its action.
 */
export function AccountsPage({ actions }: PageProps) {
  const { user } = useActiveSession();
  const { message } = App.useApp();
  const [query, setQuery] = useState<Query>({ scope: 'own', q: '', page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<AccountDialog>();
  const list = useAccountList(query);
  const handlers = useAccountHandlers(setDialog, list.reload);
  const context: RowContext = { scope: query.scope, actions, selfId: user.id };
  const done = (text: string) => { setDialog(undefined); message.success(text); list.reload(); };
  const page = list.status === 'ready' ? list.value : { items: [], total: 0 };
  return (
    <Card title="账号管理" extra={query.scope === 'own' && actions.includes('create') && (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>新增</Button>)}>
      {managesBelow(user.orgLevel) && <Tabs activeKey={query.scope} items={SCOPES}
        onChange={(scope) => setQuery({ ...query, scope: scope as AccountScope, page: 1 })} />}
      <Input.Search allowClear enterButton="搜索" placeholder="按账号或用户昵称搜索" aria-label="搜索账号"
        style={{ maxWidth: 420, marginBottom: 16 }} onSearch={(q) => setQuery({ ...query, q: q.trim(), page: 1 })} />
      {list.status === 'failed' && <Alert type="error" showIcon title={list.message} style={{ marginBottom: 16 }} />}
      <Table<Account> data-testid="account-table" rowKey="id" columns={accountColumns(context, handlers)}
        dataSource={page.items} loading={list.pending} scroll={{ x: 'max-content' }}
        locale={{ emptyText: query.q ? '没有找到符合条件的账号' : '暂无账号' }}
        pagination={{ current: query.page, pageSize: query.pageSize, total: page.total, showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100], showTotal: (total) => `共 ${total} 条`,
          onChange: (p, size) => setQuery({ ...query, page: size === query.pageSize ? p : 1, pageSize: size }) }} />
      <Dialogs dialog={dialog} close={() => setDialog(undefined)} done={done} />
    </Card>
  );
}
