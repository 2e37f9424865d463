import { Alert, Button, Card } from 'antd';
import { useAppServices } from '../AppServices';
import { useLoadable } from '../common';
import type { PageProps } from '../navigation';
import { navigate } from '../router';
import { TransferTable } from './TransferTable';

/** 人员调入: transfers to this institution (a bureau: to the institutions below it) — applications and completed ones. */
export function TransfersInPage(_: PageProps) {
  return (
    <Card title="人员调入">
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="调入的人员及其学历、学位、证书等信息已转入本单位；试用期须由本单位重新填报。" />
      <TransferTable side="in" />
    </Card>
  );
}

/** 人员调出: transfers from this institution, and how many applications await its review (in 待办审批). */
export function TransfersOutPage(_: PageProps) {
  const { api } = useAppServices();
  const waiting = useLoadable(() => api.transfers.list('out', { status: 'pending', pageSize: 100 }), [api]);
  const count = waiting.status === 'ready' ? waiting.value.items.filter((t) => t.stage === 'review').length : 0;
  return (
    <Card title="人员调出">
      {count > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`有 ${count} 份调入申请等待本单位审核`}
          description="由本单位总账号在“待办审批”中审核：同意后该人员及其信息调往对方单位，试用期信息留在本单位作为历史记录。"
          action={<Button size="small" onClick={() => navigate('/tasks')}>去审核</Button>} />
      )}
      <TransferTable side="out" />
    </Card>
  );
}
