import { Button, type TableColumnsType as ColumnsType } from 'antd';
import type { Task, TaskState } from '../../api';
import { beijingTime } from '../common';
import { outcomeShortLabel, processName } from './taskLabels';

/** The inbox's columns: 流程, 任务, 业务编号, 到达时间 (Beijing); for done tasks also 结果 and 意见. */
export function taskColumns(state: TaskState, open: (task: Task) => void): ColumnsType<Task> {
  const columns: ColumnsType<Task> = [
    { title: '流程', key: 'process', render: (_, task) => processName(task.processKey) },
    { title: '任务', dataIndex: 'name', key: 'name' },
    { title: '业务编号', dataIndex: 'businessKey', key: 'businessKey', render: (value: string | null) => value ?? '' },
    { title: '到达时间', dataIndex: 'createdAt', key: 'createdAt', render: (value: string) => beijingTime(value) },
  ];
  const done: ColumnsType<Task> = [
    { title: '结果', dataIndex: 'outcome', key: 'outcome', render: (value: string | null) => outcomeShortLabel(value) },
    { title: '意见', dataIndex: 'comment', key: 'comment', render: (value: string | null) => value ?? '' },
    { title: '处理时间', dataIndex: 'completedAt', key: 'completedAt', render: (value: string | null) => beijingTime(value) },
  ];
  const action: ColumnsType<Task> = [{
    title: '操作', key: 'action',
    render: (_, task) => <Button type="link" size="small" onClick={() => open(task)}>{state === 'open' ? '处理' : '查看'}</Button>,
  }];
  return [...columns, ...(state === 'done' ? done : []), ...action];
}
