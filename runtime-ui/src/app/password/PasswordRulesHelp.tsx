import { Alert, Skeleton } from 'antd';
import { policyHelpLines, usePasswordPolicy } from './usePasswordPolicy';

/** The rules a new password must meet, as the server states them (the server's check is what counts). */
export function PasswordRulesHelp() {
  const policy = usePasswordPolicy();
  if (policy.status === 'loading') return <Skeleton active paragraph={{ rows: 3 }} title={false} />;
  if (policy.status === 'failed') {
    return <Alert type="info" showIcon style={{ marginBottom: 16 }} title="密码规则以系统提示为准，不符合时会在输入框下方提示原因。" />;
  }
  const lines = policyHelpLines(policy.value);
  return (
    <Alert
      type="info"
      style={{ marginBottom: 16 }}
      title="新密码须符合以下要求："
      description={<ol style={{ margin: 0, paddingInlineStart: 20 }}>{lines.map((r) => <li key={r}>{r}</li>)}</ol>}
    />
  );
}
