import { Alert, Button, Descriptions, Divider, Drawer, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Task } from '../../api';
import { beijingTime } from '../common';
import { taskFormOf, type TaskFormView } from './taskForms';
import { TaskHistory } from './TaskHistory';
import { needsComment, outcomeLabel, outcomeShortLabel, processName } from './taskLabels';
import { useCompleteTask } from './useCompleteTask';

const valueText = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

function TaskData({ task }: { task: Task }) {
  const items = Object.entries(task.data).map(([key, value]) => ({ key, label: key, children: valueText(value) }));
  const head = [
    { key: '流程', label: '流程', children: processName(task.processKey) },
    { key: '业务编号', label: '业务编号', children: task.businessKey ?? '' },
    { key: '到达时间', label: '到达时间', children: beijingTime(task.createdAt) },
  ];
  return <Descriptions bordered column={1} size="small" items={[...head, ...items]} styles={{ label: { width: 140 } }} />;
}

interface DecisionProps {
  task: Task;
  onCompleted: (task: Task) => void;
  view?: TaskFormView;
  data?: Record<string, unknown>;
}

function Decision({ task, onCompleted, view, data }: DecisionProps) {
  const { comment, setComment, busy, refusal, complete } = useCompleteTask(task, onCompleted, { view, data });
  return (
    <Form layout="vertical">
      <Form.Item label="意见" htmlFor="task-comment" extra="选择“不同意”或“退回修改”时须填写原因。">
        <Input.TextArea id="task-comment" rows={3} maxLength={1000} showCount value={comment}
          onChange={(e) => setComment(e.target.value)} />
      </Form.Item>
      {refusal && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={refusal.title}
        description={refusal.detail} />}
      <Space wrap>
        {task.outcomes.map((outcome) => (
          <Button key={outcome} type={outcome === 'approve' ? 'primary' : 'default'} danger={outcome === 'reject'}
            loading={busy === outcome} disabled={busy !== null && busy !== outcome} onClick={() => void complete(outcome)}>
            {outcomeLabel(outcome)}
          </Button>
        ))}
      </Space>
    </Form>
  );
}

function Result({ task }: { task: Task }) {
  return (
    <Descriptions bordered column={1} size="small" styles={{ label: { width: 140 } }} items={[
      { key: '结果', label: '结果', children: outcomeShortLabel(task.outcome) },
      { key: '意见', label: '意见', children: task.comment ?? '' },
      { key: '处理时间', label: '处理时间', children: beijingTime(task.completedAt) },
    ]} />
  );
}

export interface TaskDrawerProps {
  task: Task | null;
  onClose(): void;
  onCompleted(task: Task): void;
}

/** The body of one task: its registered form view (taskForms.tsx) or the instance data, then the decision or result. */
function TaskContent({ task, onCompleted }: { task: Task; onCompleted: (task: Task) => void }) {
  const view = taskFormOf(task);
  const [data, setData] = useState<Record<string, unknown> | undefined>(undefined);
  const open = task.status === 'open';
  return (
    <>
      {view ? <view.Body task={task} editable={open} onData={setData} /> : <TaskData task={task} />}
      <Divider titlePlacement="start">{open ? '审批' : '处理结果'}</Divider>
      {open ? <Decision task={task} onCompleted={onCompleted} view={view} data={data} /> : <Result task={task} />}
    </>
  );
}

/** 处理 / 查看 a task: its data, the decision (open tasks) or the result (done ones), and 流程记录. */
export function TaskDrawer({ task, onClose, onCompleted }: TaskDrawerProps) {
  return (
    <Drawer open={task !== null} onClose={onClose} size={720} destroyOnHidden data-testid="task-drawer"
      title={task ? `${processName(task.processKey)}：${task.name}` : ''}>
      {task && (
        <div key={task.id}>
          <TaskContent task={task} onCompleted={onCompleted} />
          <Divider titlePlacement="start">流程记录</Divider>
          <Typography.Paragraph type="secondary">时间为北京时间。</Typography.Paragraph>
          <TaskHistory instanceId={task.instanceId} />
        </div>
      )}
    </Drawer>
  );
}
