import { Alert } from 'antd';

/** The messages of a refused save that concern no field, above the form. */
export function ErrorAlert({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={messages.join(' ')} />;
}
