import { Alert, Descriptions, Spin } from 'antd';
import { useEffect, useMemo } from 'react';
import type { ChangeRequest, EntityDefinition, RecordItem } from '../../api';
import { useAppServices } from '../AppServices';
import { beijingTime, useLoadable } from '../common';
import type { TaskFormProps, TaskFormView } from '../tasks';
import { changeFormOf, CHANGE_REQUEST_ENTITY, readOnlyValues } from './changeForm';
import { ChangeRequestForm } from './ChangeRequestForm';
import { FieldChanges } from './FieldChanges';

/** The revise task (the initiator's) offers 重新提交; the bureau's review does not. */
const isRevision = (outcomes: readonly string[]) => outcomes.includes('resubmit');

function Review({ request }: { request: ChangeRequest }) {
  return (
    <>
      <Descriptions bordered size="small" column={1} style={{ marginBottom: 12 }} styles={{ label: { width: 140 } }} items={[
        { key: 'at', label: '提交时间', children: beijingTime(request.createdAt) },
        { key: 'reason', label: '修改原因', children: request.reason },
      ]} />
      <FieldChanges fields={request.fields} />
    </>
  );
}

interface RevisionProps extends TaskFormProps { request: ChangeRequest; definition: EntityDefinition; record: RecordItem | undefined }

/** The sent-back request as a form: the bureau's reason, the proposal to correct; sent with 重新提交 as `data.revision`. */
function Revision({ request, definition, record, editable, onData }: RevisionProps) {
  const form = useMemo(() => changeFormOf(definition), [definition]);
  const initial = useMemo(() => ({ reason: request.reason, data: { ...readOnlyValues(form, record?.data ?? {}),
    ...Object.fromEntries(request.fields.map((f) => [f.field, f.to])) } }), [form, record, request]);
  useEffect(() => onData({ revision: initial }), [initial, onData]);
  return (
    <>
      {request.reviewComment && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`退回原因：${request.reviewComment}`} />}
      <ChangeRequestForm form={form} initial={initial} id={`revise-${request.id}`} disabled={!editable}
        onChange={(revision) => onData({ revision })} />
    </>
  );
}

/** The `changeRequest` task view: the bureau sees 修改前 → 修改后 and the reason; the institution, sent back, revises. */
function ChangeRequestTaskBody(props: TaskFormProps) {
  const { api } = useAppServices();
  const { task } = props;
  const entity = task.form?.entity ?? CHANGE_REQUEST_ENTITY;
  const loaded = useLoadable(async () => {
    const request = await api.changeRequests.get(task.businessKey ?? '');
    if (!isRevision(task.outcomes) || task.status !== 'open') return { request };
    const [definition, page] = await Promise.all([api.entity(entity), api.list(entity, { pageSize: 1 })]);
    return { request, definition, record: page.items[0] };
  }, [api, task.businessKey, task.outcomes, task.status, entity]);
  if (loaded.status === 'loading') return <Spin />;
  if (loaded.status === 'failed') return <Alert type="error" showIcon title={`读取修改申请失败：${loaded.message}`} />;
  const { request, definition, record } = loaded.value;
  return definition
    ? <Revision {...props} request={request} definition={definition} record={record} />
    : <Review request={request} />;
}

const REASON_REQUIRED = '请填写修改原因后再重新提交，便于上级审核。';

/** The `changeRequest` view: its body, and 重新提交 needs the revision's reason. */
export const changeRequestTaskForm: TaskFormView = {
  Body: ChangeRequestTaskBody,
  check: (outcome, data) => {
    const revision = data?.revision as { reason?: string } | undefined;
    return outcome === 'resubmit' && !revision?.reason?.trim() ? REASON_REQUIRED : undefined;
  },
};
