import { Alert } from 'antd';
import type { LoginAlert } from './loginAlert';

/** A refusal or notice of the login pages, above the form. */
export function AlertBox({ alert }: { alert: LoginAlert }) {
  return <Alert type={alert.type} showIcon role="alert" style={{ marginBottom: 16 }} title={alert.title}
    description={alert.description || undefined} />;
}
