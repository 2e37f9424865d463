import { Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Account } from '../../api';
import { beijingTime } from '../common';
import { realNameLabel } from '../profile/profileLabels';
import { AccountActions, InternetAccessCell, type AccountHandlers } from './AccountActions';
import { rowActions, type RowContext } from './accountRules';

/** 总账号, 正常/停用, and 已锁定 (until when, Beijing time) as tags. */
export function AccountTags({ account, scope }: { account: Account; scope: RowContext['scope'] }) {
  const main = account.isMain && <Tag color="blue">总账号</Tag>;
  return (
    <Space size={4} wrap>
      {main && scope === 'own' ? <Tooltip title="此账号为总账号，不能在本单位的账号列表中操作">{main}</Tooltip> : main}
      {account.status === 'active' ? <Tag color="success">正常</Tag> : <Tag>停用</Tag>}
      {account.lockedUntil && <Tag color="error">已锁定（至 {beijingTime(account.lockedUntil, false)}）</Tag>}
    </Space>
  );
}

function RealNameTag({ status }: { status: string }) {
  const label = realNameLabel(status);
  return <Tag color={label.color}>{label.text}</Tag>;
}

/** The account list's columns; 所属单位 and 互联网访问 only in the 下级单位 view. */
export function accountColumns(context: RowContext, handlers: AccountHandlers): ColumnsType<Account> {
  const below = context.scope === 'below';
  const columns: ColumnsType<Account> = [
    { key: 'username', title: '账号', dataIndex: 'username' },
    { key: 'nickname', title: '用户昵称', dataIndex: 'nickname' },
    ...(below ? [{ key: 'orgName', title: '所属单位', dataIndex: 'orgName' }] : []),
    { key: 'roles', title: '角色', render: (_: unknown, a: Account) => a.roles.map((r) => r.name).join('、') },
    { key: 'mobile', title: '手机号码', dataIndex: 'mobile' },
    { key: 'state', title: '状态', render: (_: unknown, a: Account) => <AccountTags account={a} scope={context.scope} /> },
    { key: 'realName', title: '实名状态', render: (_: unknown, a: Account) => <RealNameTag status={a.realNameStatus} /> },
    ...(below ? [{ key: 'internet', title: '互联网访问', render: (_: unknown, a: Account) => (
      <InternetAccessCell account={a} editable={rowActions(a, context).includes('internetAccess')} handlers={handlers} />) }] : []),
    { key: 'createdAt', title: '创建时间', dataIndex: 'createdAt', render: (at: string) => beijingTime(at, false) },
  ];
  columns.push({ key: 'actions', title: '操作', fixed: 'right',
    render: (_: unknown, a: Account) => <AccountActions account={a} allowed={rowActions(a, context)} handlers={handlers} /> });
  return columns;
}
