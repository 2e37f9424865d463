import { Alert, Form, Typography } from 'antd';
import { ActionSection } from './ActionSection';
import { AssigneeSection } from './AssigneeSection';
import { ConditionSection } from './ConditionSection';
import { FormSection } from './FormSection';
import { GeneralSection } from './GeneralSection';
import type { Section, SectionProps } from './types';

/** What the panel shows beyond id and name, by element type (types absent here have only those). */
const sectionsByType: Partial<Record<string, Array<{ title: string; Section: Section }>>> = {
  'bpmn:UserTask': [{ title: '任务分配', Section: AssigneeSection }, { title: '任务表单', Section: FormSection }],
  'bpmn:ServiceTask': [{ title: '引擎动作', Section: ActionSection }],
  'bpmn:SequenceFlow': [{ title: '条件', Section: ConditionSection }],
};

/** Names of the types, as the panel's heading says them. */
const typeNames: Partial<Record<string, string>> = {
  'bpmn:Process': '流程', 'bpmn:StartEvent': '开始事件', 'bpmn:EndEvent': '结束事件', 'bpmn:UserTask': '用户任务',
  'bpmn:ServiceTask': '服务任务', 'bpmn:ExclusiveGateway': '排他网关', 'bpmn:ParallelGateway': '并行网关', 'bpmn:SequenceFlow': '顺序流',
};

/** The properties of the selected element (the process when none is), edited in place. */
export function PropertiesPanel(props: SectionProps) {
  const { element, problems } = props;
  const type = element.businessObject.$type;
  return (
    <Form layout="vertical" size="small" data-testid="process-properties">
      <Typography.Title level={5} style={{ marginTop: 0 }}>{typeNames[type] ?? `不受支持的元素（${type}）`}</Typography.Title>
      {problems.map((problem) => <Alert key={problem.message} type="error" showIcon title={problem.message} style={{ marginBottom: 8 }} />)}
      <GeneralSection {...props} />
      {(sectionsByType[type] ?? []).map(({ title, Section }) => (
        <div key={title}>
          <Typography.Text strong>{title}</Typography.Text>
          <Section {...props} />
        </div>
      ))}
    </Form>
  );
}
