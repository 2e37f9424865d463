import { AimOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage, type LocationReport, type LocationStatus } from '../../api';
import { useAppServices } from '../AppServices';
import { useLoadable } from '../common';
import { GeoError, readPosition } from './geolocation';
import { PositionDetails } from './LocateDialog';

const EXPIRED = '二维码已过期或已经使用过。请回到电脑上，在“机构信息维护”中重新点击“手机定位”，扫描新的二维码。';
const page = { maxWidth: 480, margin: '0 auto', padding: 16, minHeight: '100vh' } as const;
const big = { height: 56, fontSize: 18 } as const;

type Step = { kind: 'start' } | { kind: 'locating' } | { kind: 'located'; position: LocationReport } | { kind: 'sending'; position: LocationReport }
  | { kind: 'sent' } | { kind: 'expired' };

const intro = (orgName: string | undefined): string => `${orgName ? `“${orgName}”` : '本机构'}正在电脑上维护机构信息，`
  + '需要机构所在地的经纬度。请在机构所在地点击下方按钮，手机会询问是否允许使用位置信息，请选择“允许”。'
  + '位置只用于填写机构的经纬度，发送后需在电脑上确认才会使用。';

/** Whether the token can still be used, and the message when not. */
function closedMessage(status: LocationStatus): string | undefined {
  if (status.status === 'expired') return EXPIRED;
  if (status.status === 'received') return '这个二维码的位置已经发送过了。如需重新定位，请在电脑上重新生成二维码。';
  return undefined;
}

function LocateSteps({ token, orgName }: { token: string; orgName?: string }) {
  const { api } = useAppServices();
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const [problem, setProblem] = useState<string>();

  const locate = () => {
    setProblem(undefined);
    setStep({ kind: 'locating' });
    readPosition(navigator.geolocation, window.isSecureContext).then((position) => setStep({ kind: 'located', position }),
      (e: unknown) => { setProblem(e instanceof GeoError ? e.message : '获取位置失败，请重试。'); setStep({ kind: 'start' }); });
  };
  const send = (position: LocationReport) => {
    setProblem(undefined);
    setStep({ kind: 'sending', position });
    api.location.report(token, position).then(() => setStep({ kind: 'sent' }), (e: unknown) => {
      if (e instanceof ApiError && (e.status === 410 || e.status === 404)) setStep({ kind: 'expired' });
      else { setProblem(`发送失败：${errorMessage(e)}`); setStep({ kind: 'located', position }); }
    });
  };

  if (step.kind === 'sent') {
    return <Result status="success" title="位置已发送" subTitle="请回到电脑上，核对经纬度后点击“确认使用”，再保存机构信息。可以关闭本页面了。" />;
  }
  if (step.kind === 'expired') return <Result status="warning" title="二维码已失效" subTitle={EXPIRED} />;
  const position = step.kind === 'located' || step.kind === 'sending' ? step.position : undefined;
  return (
    <>
      <Typography.Paragraph style={{ fontSize: 16 }}>{intro(orgName)}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />}
      {position && <div style={{ marginBottom: 16 }}><PositionDetails position={position} /></div>}
      {position && (
        <Button type="primary" block size="large" style={{ ...big, marginBottom: 12 }} icon={<SendOutlined />}
          loading={step.kind === 'sending'} onClick={() => send(position)}>发送</Button>)}
      <Button type={position ? 'default' : 'primary'} block size="large" style={big} icon={<AimOutlined />}
        loading={step.kind === 'locating'} disabled={step.kind === 'sending'} onClick={locate}>
        {step.kind === 'locating' ? '正在定位…' : position ? '重新获取' : '获取当前位置'}
      </Button>
    </>
  );
}

/** `/m/location/:token`: the phone's page of 手机定位 (no login; the token in the QR code is the credential). */
export function MobileLocationPage({ token }: { token: string }) {
  const { api } = useAppServices();
  const status = useLoadable(() => api.location.publicStatus(token), [api, token]);
  let body;
  if (status.status === 'loading') body = <Spin size="large" />;
  else if (status.status === 'failed') body = <Result status="warning" title="无法打开定位页面" subTitle={status.message} />;
  else {
    const closed = closedMessage(status.value);
    body = closed ? <Result status="warning" title="二维码已失效" subTitle={closed} />
      : <LocateSteps token={token} orgName={status.value.orgName} />;
  }
  return (
    <div style={page}>
      <Card title="获取机构位置" variant="borderless">{body}</Card>
    </div>
  );
}
