import { Alert, Button, Space, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, type RealNameApplication, type RealNameState } from '../../api';
import { useAppServices } from '../AppServices';
import { timerScheduler, type Scheduler } from '../location';
import { CenteredCard } from '../pages/CenteredCard';
import { useSession } from '../session';
import { RealNameForm } from './RealNameForm';
import { reviewStatus } from './reviewStatus';
import { useReviewPoll } from './useReviewPoll';

/**
 * 实名认证: what a logged-in account sees until its verification is approved. While
 * under review the status is read again now and then (and on 刷新); once approved the session is
 * re-read, so the gate opens into the normal layout without a new login.
 */
export function RealNamePage({ scheduler = timerScheduler }: { scheduler?: Scheduler }) {
  const { api } = useAppServices();
  const { refresh: refreshSession, logout } = useSession();
  const [state, setState] = useState<RealNameState>();
  const [problem, setProblem] = useState<string>();

  const reload = useCallback(async () => {
    try {
      const next = await api.realName.mine();
      setState(next);
      setProblem(undefined);
      if (next.application?.status === 'approved') await refreshSession();
    } catch (e) {
      setProblem(`读取实名认证状态失败：${errorMessage(e)}`);
    }
  }, [api, refreshSession]);
  useEffect(() => { void reload(); }, [reload]);

  const status = state ? reviewStatus(state) : undefined;
  useReviewPoll(status?.waiting ?? false, reload, scheduler);

  const changed = useCallback((application: RealNameApplication, submitted: boolean) => {
    setState({ application, sentBack: false });
    if (submitted) void refreshSession();
  }, [refreshSession]);

  return (
    <CenteredCard title="实名认证" width={640}>
      {problem && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={problem} />}
      {!state || !status ? (problem ? null : <Spin />) : (
        <>
          <Alert type={status.type} showIcon data-testid="real-name-status" style={{ marginBottom: 16 }}
            title={`实名认证状态：${status.label}`} description={status.description}
            action={status.waiting ? <Button size="small" onClick={() => void reload()}>刷新</Button> : undefined} />
          <RealNameForm key={state.application?.version ?? 0} application={state.application} editable={status.editable}
            onChanged={changed} />
        </>
      )}
      <Space style={{ marginTop: 16 }}>
        <Button onClick={() => void logout()}>退出登录</Button>
      </Space>
    </CenteredCard>
  );
}
