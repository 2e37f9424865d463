import { Alert, Button, Descriptions, Modal, Result, Space, Spin, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { beijingTime } from '../common';
import type { LocationState, ReportedPosition } from './locationMachine';
import type { LocationRequest } from './useLocationRequest';

/** An SVG document as an image source (never injected as HTML). */
export const svgDataUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** Accuracy as people read it; a warning when it is too coarse to place a building. */
export function accuracyText(accuracy: number | undefined): { text: string; coarse: boolean } {
  if (accuracy === undefined) return { text: '手机未提供', coarse: false };
  return { text: `约 ${Math.round(accuracy)} 米`, coarse: accuracy > 200 };
}

export function PositionDetails({ position }: { position: ReportedPosition }) {
  const accuracy = accuracyText(position.accuracy);
  return (
    <>
      <Descriptions column={1} size="small" bordered items={[
        { key: 'lng', label: '经度', children: <span data-testid="reported-longitude">{position.longitude}</span> },
        { key: 'lat', label: '纬度', children: <span data-testid="reported-latitude">{position.latitude}</span> },
        { key: 'acc', label: '定位精度', children: accuracy.text },
      ]} />
      {accuracy.coarse && <Alert type="warning" showIcon style={{ marginTop: 12 }}
        title="定位精度较低，位置可能有偏差。建议打开手机 GPS，到室外重新定位。" />}
    </>
  );
}

type Views = { [P in LocationState['phase']]: (state: Extract<LocationState, { phase: P }>, restart: () => void) => ReactNode };

const views: Views = {
  idle: () => <Spin />,
  creating: () => <Spin tip="正在生成二维码…"><div style={{ height: 120 }} /></Spin>,
  waiting: ({ request }) => (
    <Space align="start" size="large" wrap>
      <img src={svgDataUrl(request.qrSvg)} alt="手机定位二维码" width={200} height={200} data-testid="location-qr" />
      <div style={{ maxWidth: 280 }}>
        <ol style={{ paddingInlineStart: 20 }}>
          <li>请在机构所在地，用手机微信或浏览器扫描左侧二维码；</li>
          <li>在手机上点击“获取当前位置”，并允许使用位置信息；</li>
          <li>确认后点击“发送”，位置会显示在这里。</li>
        </ol>
        <Typography.Paragraph type="secondary">二维码有效期至 {beijingTime(request.expiresAt, false)}，只能使用一次。</Typography.Paragraph>
        <Space><Spin size="small" /><Typography.Text>正在等待手机发送位置…</Typography.Text></Space>
      </div>
    </Space>
  ),
  received: ({ position }) => (
    <>
      <Typography.Paragraph>已收到手机发送的位置。点击“确认使用”后将填入表单，核对无误后请保存。</Typography.Paragraph>
      <PositionDetails position={position} />
    </>
  ),
  expired: (_, restart) => (
    <Result status="warning" title="二维码已过期" subTitle="为了安全，二维码只在一段时间内有效。请重新生成二维码后再扫码。"
      extra={<Button type="primary" onClick={restart}>重新生成二维码</Button>} />
  ),
  failed: ({ message }, restart) => (
    <Result status="error" title="手机定位没有成功" subTitle={message} extra={<Button type="primary" onClick={restart}>重试</Button>} />
  ),
};

export interface LocateDialogProps {
  location: LocationRequest;
  onUse(position: ReportedPosition): void;
  onClose(): void;
}

/** The 手机定位 dialog: QR code, waiting, the received position with 确认使用, expiry and failures. */
export function LocateDialog({ location, onUse, onClose }: LocateDialogProps) {
  const { state, start, close } = location;
  useEffect(() => { start(); return close; }, [start, close]);
  const render = views[state.phase] as (s: LocationState, restart: () => void) => ReactNode;
  const footer = state.phase === 'received'
    ? [<Button key="again" onClick={start}>重新定位</Button>,
      <Button key="use" type="primary" onClick={() => onUse(state.position)}>确认使用</Button>]
    : [<Button key="close" onClick={onClose}>关闭</Button>];
  return (
    <Modal open title="手机定位" onCancel={onClose} footer={footer} maskClosable={false} destroyOnHidden width={560}>
      {render(state, start)}
    </Modal>
  );
}
