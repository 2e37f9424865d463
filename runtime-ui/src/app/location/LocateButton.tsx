import { EnvironmentOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useAppServices } from '../AppServices';
import { LocateDialog } from './LocateDialog';
import type { ReportedPosition } from './locationMachine';
import { useLocationRequest } from './useLocationRequest';

function OpenDialog({ onUse, onClose }: { onUse(position: ReportedPosition): void; onClose(): void }) {
  const { api } = useAppServices();
  const location = useLocationRequest(api.location);
  return <LocateDialog location={location} onUse={onUse} onClose={onClose} />;
}

/** 手机定位: a QR code for a phone to report its position; 确认使用 hands the coordinates to `onUse`. */
export function LocateButton({ onUse }: { onUse(position: ReportedPosition): void }) {
  const [open, setOpen] = useState(false);
  const { message } = App.useApp();
  return (
    <>
      <Button icon={<EnvironmentOutlined />} onClick={() => setOpen(true)}>手机定位</Button>
      {open && <OpenDialog onClose={() => setOpen(false)} onUse={(position) => {
        onUse(position);
        setOpen(false);
        message.success('已填入经纬度，请核对后点击“保存”。');
      }} />}
    </>
  );
}
