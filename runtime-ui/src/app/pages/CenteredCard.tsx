import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { SYSTEM_NAME } from '../branding';

const pageStyle = {
  minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center',
  background: 'linear-gradient(180deg, #e8f1fb 0%, #f5f7fa 100%)', padding: 16,
} as const;

/** The frame of the pages shown before the main layout (login, password change, real-name notice). */
export function CenteredCard({ title, width = 420, children }: { title: string; width?: number; children: ReactNode }) {
  return (
    <div style={pageStyle}>
      <div style={{ width, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 24 }}>{SYSTEM_NAME}</Typography.Title>
        <Card title={title}>{children}</Card>
      </div>
    </div>
  );
}
