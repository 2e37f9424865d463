import { App, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { PasswordChangeForm } from '../password';
import { useActiveSession, useSession } from '../session';
import { TwoFactorSettings } from '../twoFactor';
import { realNameLabel, roleNames } from './profileLabels';

function AccountInfo() {
  const { user } = useActiveSession();
  const realName = realNameLabel(user.realNameStatus);
  const items = [
    { key: 'username', label: '账号', children: user.username },
    { key: 'nickname', label: '昵称', children: user.nickname },
    { key: 'org', label: '所属单位', children: user.orgName },
    { key: 'roles', label: '角色', children: roleNames(user.roleNames) },
    { key: 'realName', label: '实名状态', children: <Tag color={realName.color}>{realName.text}</Tag> },
  ];
  return <Descriptions bordered column={1} size="small" items={items} styles={{ label: { width: 140 } }} />;
}

/** 个人中心: the account as the user sees it, the voluntary 修改密码 (same form as at first login), and 双因素认证. */
export function ProfilePage() {
  const { message } = App.useApp();
  const { refresh } = useSession();
  const changed = async () => {
    message.success('密码修改成功，请牢记新密码。');
    await refresh();
  };
  return (
    <Space orientation="vertical" size="large" style={{ display: 'flex', maxWidth: 880 }}>
      <Card title="个人中心"><AccountInfo /></Card>
      <Card title="修改密码">
        <Typography.Paragraph type="secondary">
          请妥善保管本账号的密码，不得将密码提供给负责人和工程师以外的人员，不得将账号和密码发到 QQ/微信群里。
        </Typography.Paragraph>
        <PasswordChangeForm onChanged={changed} />
      </Card>
      <Card title="双因素认证"><TwoFactorSettings /></Card>
    </Space>
  );
}
