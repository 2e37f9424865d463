import { Alert, Spin, Timeline, Typography } from 'antd';
import type { TimelineItemProps } from 'antd';
import type { WorkflowEvent } from '../../api';
import { useAppServices } from '../AppServices';
import { beijingTime, useLoadable } from '../common';
import { eventLabel, outcomeLabel } from './taskLabels';

const COLORS: Readonly<Record<string, string>> = { reject: 'red', sendBack: 'orange', approve: 'green' };

/** One event: what happened (in Chinese, with the outcome), when (Beijing), by whom, and the comment. */
function eventItem(event: WorkflowEvent, index: number): TimelineItemProps {
  const what = event.outcome ? `${eventLabel(event.type)}：${outcomeLabel(event.outcome)}` : eventLabel(event.type);
  return {
    key: `${index}`,
    color: (event.outcome && COLORS[event.outcome]) || (event.type === 'taskCreated' ? 'gray' : 'blue'),
    title: beijingTime(event.at),
    content: (
      <div data-testid="history-event">
        <Typography.Text strong>{what}</Typography.Text>
        {event.accountId && <Typography.Text type="secondary">（操作人账号 {event.accountId}）</Typography.Text>}
        {event.comment && <div>意见：{event.comment}</div>}
      </div>
    ),
  };
}

/** 流程记录: the instance's history, oldest first (who, when, what, the comment). */
export function TaskHistory({ instanceId }: { instanceId: string }) {
  const { api } = useAppServices();
  const history = useLoadable(() => api.tasks.history(instanceId), [api, instanceId]);
  if (history.status === 'loading') return <Spin />;
  if (history.status === 'failed') return <Alert type="error" showIcon title={history.message} />;
  return <Timeline data-testid="task-history" items={history.value.events.map(eventItem)} />;
}
