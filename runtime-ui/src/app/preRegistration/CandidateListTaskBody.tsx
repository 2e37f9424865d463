import { Alert, Checkbox, Input, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { SubmissionItemView } from '../../api';
import { useAppServices } from '../AppServices';
import { useLoadable } from '../common';
import type { TaskFormProps, TaskFormView } from '../tasks';
import { StatusTag } from './labels';

type Returns = Record<string, string>;

/** The returns as the completion sends them: `{returns: [{personId, reason}]}`. */
const dataOf = (returns: Returns) => ({ returns: Object.entries(returns).map(([personId, reason]) => ({ personId, reason: reason.trim() })) });

/**
 * The `candidateList` task view: the batch's candidates as submitted; the district ticks 退回 and
 * writes a reason for each candidate it returns, then 同意 accepts the others (不同意 returns the
 * whole batch with the comment as reason).
 */
function CandidateListTaskBody({ task, editable, onData }: TaskFormProps) {
  const { api } = useAppServices();
  const batch = useLoadable(() => api.preRegistration.submission(task.businessKey ?? ''), [api, task.businessKey]);
  const [returns, setReturns] = useState<Returns>({});
  useEffect(() => onData(dataOf(returns)), [returns, onData]);
  if (batch.status === 'loading') return <Spin />;
  if (batch.status === 'failed') return <Alert type="error" showIcon title={`读取上报考生失败：${batch.message}`} />;
  const { submission, items } = batch.value;
  const toggle = (personId: string, on: boolean) => setReturns((r) => {
    const next = { ...r };
    if (on) next[personId] = '';
    else delete next[personId];
    return next;
  });
  return (
    <>
      <Typography.Paragraph>
        {task.data.institution ? `${String(task.data.institution)} · ` : ''}{submission.examYear} 年度 · 共 {submission.count} 名考生
        {editable && '。如需退回部分考生，请勾选“退回”并填写原因，其余考生在点击“同意”后被接收。'}
      </Typography.Paragraph>
      <Table<SubmissionItemView> data-testid="candidate-review-table" rowKey="personId" size="small" pagination={false}
        dataSource={items} scroll={{ x: 'max-content' }} columns={[
          { key: 'name', title: '姓名', render: (_v, i) => i.snapshot.name },
          { key: 'idNumber', title: '证件号码', render: (_v, i) => i.snapshot.idNumber },
          { key: 'sex', title: '性别', render: (_v, i) => i.snapshot.sex },
          { key: 'department', title: '所在部门', render: (_v, i) => i.snapshot.department },
          { key: 'candidateType', title: '考生类型', render: (_v, i) => i.snapshot.candidateType },
          { key: 'probation', title: '试用期', render: (_v, i) => i.snapshot.probation.map((p) => <div key={p}>{p}</div>) },
          editable
            ? { key: 'return', title: '退回', width: 260, render: (_v, i) => (
              <>
                <Checkbox checked={i.personId in returns} onChange={(e) => toggle(i.personId, e.target.checked)}>退回{i.snapshot.name}</Checkbox>
                {i.personId in returns && (
                  <Input aria-label={`退回${i.snapshot.name}的原因`} placeholder="退回原因（必填）" maxLength={500} value={returns[i.personId]}
                    onChange={(e) => setReturns((r) => ({ ...r, [i.personId]: e.target.value }))} />)}
              </>) }
            : { key: 'status', title: '结果', render: (_v, i) => (
              <>{<StatusTag status={i.status} label={i.statusLabel} />}{i.reason && <div>{i.reason}</div>}</>) },
        ]} />
    </>
  );
}

/** The `candidateList` view: its body, and what cannot be sent yet. */
export const candidateListTaskForm: TaskFormView = {
  Body: CandidateListTaskBody,
  check: (outcome, data, comment) => {
    if (outcome === 'reject' && !comment.trim()) return '整批退回时请在“意见”中填写退回原因，说明机构需要修改哪些内容。';
    if (outcome !== 'approve') return undefined;
    const missing = ((data?.returns ?? []) as Array<{ reason: string }>).filter((r) => r.reason === '').length;
    return missing > 0 ? `有 ${missing} 名勾选退回的考生还没有填写退回原因，请填写后再提交。` : undefined;
  },
};
