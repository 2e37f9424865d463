import { Alert, Button, Drawer, Space } from 'antd';
import { useId, useMemo } from 'react';
import {
  defaultBehaviours, EntityForm, pointerSegments, schemaAt, toFormErrors, type EntityDefinition, type RecordItem, type UiSchemaNode,
} from '../../lib';
import type { EntityRules, GroupEntryLayout } from '../../rules';
import { carryOverBehaviour } from './carryOver';
import { demandedFields, entryForm, foldableFields } from './entrySchema';
import { PersonPickerWidget } from './PersonPickerWidget';
import { SegmentTemplate } from './SegmentTemplate';
import { StoredSegments } from './StoredSegments';
import { useGroupEntry, type EntryTarget } from './useGroupEntry';

const behaviours = [...defaultBehaviours, carryOverBehaviour];

export interface EntryDrawerProps {
  definition: EntityDefinition;
  rules: EntityRules;
  layout: GroupEntryLayout;
  target: EntryTarget;
  onClose(): void;
  onSaved(records: RecordItem[]): void;
}

/** The shared fields' extras: a picker for the referenced record, the years with rules for the others. */
function sharedUi(definition: EntityDefinition, layout: GroupEntryLayout, rules: EntityRules): Record<string, UiSchemaNode> {
  return Object.fromEntries(layout.shared.map((field) => [field, definition.schema.properties?.[field]?.['x-ref']
    ? { 'ui:widget': PersonPickerWidget }
    : { 'ui:help': rules.years.length > 0 ? `已发布填报规则的年度：${rules.years.join('、')}` : '尚未发布任何年度的填报规则' }]));
}

/**
 * 试用期填报: the person and exam year once, then the segments; the group's stored segments
 * above them. Every change is judged by the year's rule set right away and each problem shows at
 * its segment and field; 保存 stays available and the server judges again (new segments all or
 * none, an edited one alone), its answer placed the same way. Nothing typed is lost.
 */
export function EntryDrawer({ definition, rules, layout, target, onClose, onSaved }: EntryDrawerProps) {
  const state = useGroupEntry(definition, rules, layout, target, onSaved);
  const formId = `entry-form-${useId().replace(/:/g, '')}`;
  const editing = target.mode === 'edit';
  const foldable = useMemo(() => foldableFields(definition, layout), [definition, layout]);
  const hidden = foldable.filter((f) => !demandedFields(foldable, layout, state.entry, state.problems).includes(f));
  const hiddenKey = hidden.join();
  const form = useMemo(() => entryForm(definition, layout, { editing, hidden, ui: {
    shared: sharedUi(definition, layout, rules), itemTemplate: SegmentTemplate, itemsTitle: `${definition.title}时间段` } }),
  [definition, layout, rules, editing, hiddenKey]);
  const errors = useMemo(() => toFormErrors(state.problems, form.schema), [state.problems, form.schema]);
  const fieldProblems = state.problems.filter((p) => p.path && schemaAt(form.schema, pointerSegments(p.path))).length;

  const footer = (
    <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
      <Button onClick={onClose}>取消</Button>
      <Button type="primary" htmlType="submit" form={formId} loading={state.saving}>保存</Button>
    </Space>
  );
  return (
    <Drawer open title={`${editing ? '修改' : '新增'}${definition.title}`} size={960} onClose={onClose} maskClosable={false}
      destroyOnHidden footer={footer} data-testid="probation-entry-drawer">
      {/* Busy while the person or the group's stored segments are read: the verdict below may still change. */}
      <div aria-busy={state.checking} data-testid="probation-entry-body">
        {errors.messages.length > 0 && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title="请先处理以下问题"
          description={errors.messages.map((m) => <div key={m}>{m}</div>)} />}
        {fieldProblems > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="rule-summary"
          title={`有 ${fieldProblems} 处不符合填报规则，请按标红的提示修改；保存时系统会再次检查。`} />}
        <StoredSegments definition={definition} layout={layout} stored={state.stored}
          title={editing ? '同一人员本年度的其他时间段（已保存）' : '该人员本年度已保存的时间段'} />
        <EntityForm id={formId} schema={form.schema} uiSchema={form.uiSchema} formData={state.initial} onChange={state.change}
          onSubmit={(data) => void state.save(data)} extraErrors={errors.extraErrors} behaviours={behaviours} submitText={false} />
      </div>
    </Drawer>
  );
}
