import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage, type SubmissionView } from '../../api';
import { useAppServices } from '../AppServices';
import { useLoadable } from '../common';
import type { PageProps } from '../navigation';
import { CandidateTable } from './CandidateTable';
import { selectable } from './labels';
import { SubmissionTable } from './SubmissionTable';
import { useExamYear } from './useExamYear';

/** Each problem of a refused 上报 or 撤回 (one per person), as the engine words it. */
const problemsOf = (error: unknown): string[] => (error instanceof ApiError ? error.errors.map((e) => e.message) : [errorMessage(error)]);

/**
 * 预报名上报: the institution's persons for an exam year with the readiness check (what is
 * missing and where to add it) and status; the ready ones are selected and submitted after a
 * confirmation; the year's batches, each withdrawable while the district has not acted.
 */
export function PreRegistrationPage({ actions }: PageProps) {
  const { api } = useAppServices();
  const { message, modal } = App.useApp();
  const { year, setYear, years } = useExamYear();
  const [selected, setSelected] = useState<string[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const list = useLoadable(() => api.preRegistration.candidates(year), [api, year]);
  const canSubmit = actions.includes('create');
  const value = list.status === 'ready' ? list.value : undefined;
  const chosen = (value?.items ?? []).filter((c) => selected.includes(c.personId) && selectable(c));

  const refresh = () => { setSelected([]); list.reload(); };
  const act = async (work: () => Promise<unknown>, done: string) => {
    setProblems([]);
    try {
      await work();
      message.success(done);
      refresh();
    } catch (error) {
      setProblems(problemsOf(error));
      list.reload();
    }
  };
  const confirmSubmit = () => modal.confirm({
    title: `确认上报 ${chosen.length} 名考生？`,
    content: `上报：${chosen.map((c) => c.name).join('、')}。上报后这些人员及其学历、试用期、证书等信息将被锁定，区县卫生健康局审核完成（或您撤回上报）前不能修改。`,
    okText: '确认上报', cancelText: '取消',
    onOk: () => act(() => api.preRegistration.submit(year, chosen.map((c) => c.personId)), `已上报 ${chosen.length} 名考生，等待区县卫生健康局审核。`),
  });
  const confirmWithdraw = (submission: SubmissionView) => modal.confirm({
    title: '确认撤回本批上报？', content: `撤回后本批 ${submission.count} 名考生恢复为“未上报”并解锁，可修改后重新上报。`,
    okText: '确认撤回', cancelText: '取消',
    onOk: () => act(() => api.preRegistration.withdraw(submission.id), '已撤回本批上报。'),
  });

  return (
    <Card title="预报名上报" extra={(
      <Space>
        <span>考试年度</span>
        <Select aria-label="考试年度" value={year} style={{ width: 110 }} options={years.map((y) => ({ value: y, label: `${y} 年` }))}
          onChange={(y) => { setYear(y); setSelected([]); setProblems([]); }} />
        <Button icon={<ReloadOutlined />} onClick={refresh}>刷新</Button>
      </Space>
    )}>
      <Typography.Paragraph type="secondary">
        请勾选“资料齐全，可上报”的考生后点击“上报所选考生”。不能上报的考生下方列出了需要补充或修改的内容及其所在功能。
      </Typography.Paragraph>
      {list.status === 'failed' && <Alert type="error" showIcon title={`读取考生名单失败：${list.message}`} style={{ marginBottom: 16 }} />}
      {problems.length > 0 && (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title="操作未完成，请根据以下原因处理后重试："
          description={<ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>} />)}
      {canSubmit && (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<SendOutlined />} disabled={chosen.length === 0} onClick={confirmSubmit}>
            上报所选考生{chosen.length > 0 ? `（${chosen.length}）` : ''}
          </Button>
        </Space>
      )}
      <CandidateTable items={value?.items ?? []} loading={list.pending} selected={selected} onSelect={setSelected} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>{year} 年度上报记录</Typography.Title>
      <SubmissionTable items={value?.submissions ?? []} canWithdraw={canSubmit} onWithdraw={confirmWithdraw} />
    </Card>
  );
}
