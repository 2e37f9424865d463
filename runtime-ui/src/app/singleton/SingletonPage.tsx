import { Alert, App, Button, Card, Spin } from 'antd';
import { useId, useMemo, useState } from 'react';
import type { EntityDefinition, RecordItem } from '../../api';
import { EntityForm, SectionExtrasContext, type SectionExtras } from '../../renderer';
import { useAppServices } from '../AppServices';
import { useLoadable } from '../common';
import { CHANGE_REQUEST_ENTITY, ChangeRequestPanel } from '../changeRequests';
import type { EntityViewProps } from '../entityViews/viewRegistry';
import { geolocationFields, LocateButton } from '../location';
import { ErrorSummary, useRecordEditor, type EditorTarget } from '../records';
import { useActiveSession } from '../session';
import { firstEntryData, forFirstEntry } from './singletonForm';

interface FormProps {
  definition: EntityDefinition;
  record: RecordItem | undefined;
  editable: boolean;
  onSaved(record: RecordItem): void;
}

/** The one record's form, in the sections its uiSchema declares, saved in place (no drawer). */
function SingletonForm({ definition, record, editable, onSaved }: FormProps) {
  const { user } = useActiveSession();
  const shown = useMemo(() => (record ? definition : forFirstEntry(definition)), [definition, record]);
  const target = useMemo<EditorTarget>(() => (record
    ? { mode: editable ? 'edit' : 'view', record }
    : { mode: 'create', initial: firstEntryData(definition, user.orgName) }), [record, editable, definition, user.orgName]);
  const editor = useRecordEditor(shown, target, onSaved);
  const formId = `singleton-form-${useId().replace(/:/g, '')}`;
  const geo = geolocationFields(definition);
  const extras: SectionExtras = (section) => (editable && geo && section.fields.includes(geo.longitude)
    ? <LocateButton onUse={(p) => editor.change({ ...editor.formData, [geo.longitude]: p.longitude, [geo.latitude]: p.latitude })} />
    : null);

  return (
    <Card title={definition.title} extra={editable && (
      <Button type="primary" htmlType="submit" form={formId} loading={editor.saving}>保存</Button>)}>
      {!record && editable && <Alert type="info" showIcon style={{ marginBottom: 16 }}
        title={`还没有填写${definition.title}，请填写后点击“保存”。`} />}
      <ErrorSummary editor={editor} />
      <SectionExtrasContext.Provider value={extras}>
        <EntityForm id={formId} schema={shown.schema} uiSchema={shown.uiSchema} formData={editor.formData}
          onChange={editor.change} onSubmit={(data) => void editor.save(data)} extraErrors={editor.errors.extraErrors}
          readonly={!editable} submitText={editable ? '保存' : false} />
      </SectionExtrasContext.Provider>
    </Card>
  );
}

/**
 * `"ui:view": "singleton"` (机构信息维护, R-3): the organisation's one record as a form in place,
 * created on the first save when there is none.
 */
export function SingletonPage({ definition, actions }: EntityViewProps) {
  const { api } = useAppServices();
  const { message } = App.useApp();
  const loaded = useLoadable(() => api.list(definition.key, { pageSize: 1 }).then((page) => page.items[0]), [api, definition.key]);
  const [saved, setSaved] = useState<RecordItem>();
  if (loaded.status === 'loading') return <Spin />;
  if (loaded.status === 'failed') return <Alert type="error" showIcon title={loaded.message} />;
  const record = saved ?? loaded.value;
  const editable = actions.includes(record ? 'update' : 'create');
  return (
    <>
      {record && definition.key === CHANGE_REQUEST_ENTITY
        && <ChangeRequestPanel definition={definition} record={record} canRequest={actions.includes('update')} />}
      <SingletonForm key={record ? `${record.id}@${record.version}` : 'first'} definition={definition} record={record}
        editable={editable} onSaved={(next) => { setSaved(next); message.success('保存成功'); }} />
    </>
  );
}
