import { workflowActions } from '@zjrj/engine/workflow';
import { Form, Select } from 'antd';
import type { SectionProps } from './types';
import { writeZj } from './writeElement';
import { readZj } from './zjExtension';

/** The engine's registered actions, without the self-test one that only tests register. */
export const actionOptions = Object.entries(workflowActions)
  .filter(([name]) => !name.startsWith('selfTest.'))
  .map(([value, description]) => ({ value, label: value, title: description }));

/** 引擎动作 of a service task (`zj:action`), chosen among the actions the engine registers. */
export function ActionSection({ element, services }: SectionProps) {
  const { name } = readZj(element.businessObject, 'action');
  const description = name ? (workflowActions as Record<string, string>)[name] : undefined;
  return (
    <Form.Item label="引擎动作" help={description ?? (name ? `「${name}」不是引擎已注册的动作` : '请选择此任务由引擎执行的动作')}
      validateStatus={name && !description ? 'error' : undefined}>
      <Select aria-label="引擎动作" showSearch value={name} options={actionOptions} disabled={!services}
        optionRender={(option) => <span title={option.data.title}>{option.data.label}<br /><small>{option.data.title}</small></span>}
        onChange={(value: string) => services && writeZj(services, element, 'action', { name: value })} />
    </Form.Item>
  );
}
