import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Table, Tabs } from 'antd';
import { useState } from 'react';
import type { Task, TaskState } from '../../api';
import { useAppServices } from '../AppServices';
import { useLoadable } from '../common';
import { useMenuBadges } from '../layout';
import type { PageProps } from '../navigation';
import { TaskDrawer } from './TaskDrawer';
import { taskColumns } from './taskColumns';
import { outcomeLabel } from './taskLabels';

const TABS = [{ key: 'open', label: '待办' }, { key: 'done', label: '已办' }];
const EMPTY: Readonly<Record<TaskState, string>> = {
  open: '没有待处理的审批。有新的申请需要您审批时会显示在这里。',
  done: '还没有处理过的审批。',
};

/**
 * 待办审批: the tasks this account may act on (待办) and those it acted on (已办); 处理 opens the
 * task with its data, the decision buttons and 流程记录. After a completion the list and the menu's
 * count are read again.
 */
export function TasksPage(_props: PageProps) {
  const { api } = useAppServices();
  const { message } = App.useApp();
  const badges = useMenuBadges();
  const [state, setState] = useState<TaskState>('open');
  const [task, setTask] = useState<Task | null>(null);
  const list = useLoadable(() => api.tasks.list(state), [api, state]);

  const completed = (done: Task) => {
    message.success(`已处理：${outcomeLabel(done.outcome ?? '')}`);
    setTask(null);
    list.reload();
    badges.refresh();
  };
  return (
    <Card title="待办审批" extra={<Button icon={<ReloadOutlined />} onClick={list.reload}>刷新</Button>}>
      <Tabs activeKey={state} items={TABS} onChange={(key) => setState(key as TaskState)} />
      {list.status === 'failed' && <Alert type="error" showIcon title={list.message} style={{ marginBottom: 16 }} />}
      <Table<Task> data-testid="task-table" rowKey="id" size="small" columns={taskColumns(state, setTask)}
        dataSource={list.status === 'ready' ? list.value.items : []} loading={list.pending} scroll={{ x: 'max-content' }}
        locale={{ emptyText: EMPTY[state] }} pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 条` }} />
      <TaskDrawer task={task} onClose={() => setTask(null)} onCompleted={completed} />
    </Card>
  );
}
