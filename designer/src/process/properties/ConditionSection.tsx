import { Checkbox, Form, Typography } from 'antd';
import { FeelInput } from '../../ruleset';
import { conditionFeelVariables, unknownVariablesProblem } from './feelCheck';
import type { SectionProps } from './types';
import { writeCondition, writeDefaultFlow } from './writeElement';
import { readCondition } from './zjExtension';

/**
 * 条件 of a sequence flow leaving an exclusive gateway (the FEEL editor: highlighting, completion of
 * the condition variables, errors as typed), or its being the gateway's default flow. Other flows
 * take no condition: the section says so.
 */
export function ConditionSection({ element, services }: SectionProps) {
  const gateway = element.source?.businessObject;
  if (gateway?.$type !== 'bpmn:ExclusiveGateway') {
    return <Typography.Paragraph type="secondary">只有从排他网关流出的顺序流才能设置条件。</Typography.Paragraph>;
  }
  const isDefault = gateway.default === element.businessObject;
  const body = readCondition(element.businessObject);
  const problem = unknownVariablesProblem(body);
  return (
    <>
      <Form.Item>
        <Checkbox checked={isDefault} disabled={!services}
          onChange={(e) => services && writeDefaultFlow(services, element, e.target.checked)}>
          默认顺序流（其他条件都不满足时走这条）
        </Checkbox>
      </Form.Item>
      {!isDefault && (
        <Form.Item validateStatus={problem ? 'error' : undefined} help={problem ?? '如 outcome = "approve"；输入时提示可用的变量'}>
          <FeelInput label="条件" value={body} readOnly={!services} variables={conditionFeelVariables}
            onChange={(text) => services && writeCondition(services, element, text)} />
        </Form.Item>
      )}
    </>
  );
}
