import { Alert, Divider, Spin, Timeline, Typography } from 'antd';
import type { TimelineItemProps } from 'antd';
import type { HistoryPerson, WorkflowEvent } from '../../api';
import { useAppServices } from '../AppServices';
import { beijingTime, useLoadable } from '../common';
import { InstanceDiagram } from './diagram';
import { eventLabel, outcomeLabel } from './taskLabels';

const COLORS: Readonly<Record<string, string>> = { reject: 'red', sendBack: 'orange', approve: 'green', withdraw: 'gray' };

/** Who acted: the nickname and organisation, else the account id. */
const whoText = (accountId: string, people: Readonly<Record<string, HistoryPerson>>): string => {
  const person = people[accountId];
  return person ? `${person.nickname}（${person.orgName}）` : `账号 ${accountId}`;
};

/** One event: what happened (in Chinese, with the outcome), when (Beijing), by whom, and the comment. */
function eventItem(event: WorkflowEvent, index: number, people: Readonly<Record<string, HistoryPerson>>): TimelineItemProps {
  const what = event.outcome ? `${eventLabel(event.type)}：${outcomeLabel(event.outcome)}` : eventLabel(event.type);
  return {
    key: `${index}`,
    color: (event.outcome && COLORS[event.outcome]) || (event.type === 'taskCreated' ? 'gray' : 'blue'),
    title: beijingTime(event.at),
    content: (
      <div data-testid="history-event">
        <Typography.Text strong>{what}</Typography.Text>
        {event.accountId && <Typography.Text type="secondary"> · {whoText(event.accountId, people)}</Typography.Text>}
        {event.comment && <div>意见：{event.comment}</div>}
      </div>
    ),
  };
}

/** The events of an instance as a timeline, oldest first: when (Beijing), what, who, the comment. */
export function HistoryTimeline({ events, people = {} }: { events: readonly WorkflowEvent[]; people?: Readonly<Record<string, HistoryPerson>> }) {
  return <Timeline data-testid="task-history" items={events.map((event, index) => eventItem(event, index, people))} />;
}

/** 流程记录: the instance's diagram (where it stands), then its history, oldest first (when, what, who, the comment). */
export function TaskHistory({ instanceId }: { instanceId: string }) {
  const { api } = useAppServices();
  const history = useLoadable(() => api.tasks.history(instanceId), [api, instanceId]);
  return (
    <>
      <InstanceDiagram instanceId={instanceId} />
      <Divider plain titlePlacement="start">审批记录</Divider>
      {history.status === 'loading' && <Spin />}
      {history.status === 'failed' && <Alert type="error" showIcon title={history.message} />}
      {history.status === 'ready' && (
        <HistoryTimeline events={history.value.events} people={history.value.people} />
      )}
    </>
  );
}
