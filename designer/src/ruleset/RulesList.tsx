import type { FeelVariable } from '@bpmn-io/feel-editor';
import type { DefinitionProblem } from '@zjrj/engine/contract';
import type { Rule } from '@zjrj/engine/rules';
import { Badge, Button, Collapse, Space, Typography } from 'antd';
import { problemsAt } from '../definition/problems';
import { removeAt, replaceAt } from './rulesetContent';
import { RuleCard } from './RuleCard';

interface Props {
  rules: Rule[];
  variables: FeelVariable[];
  problems: DefinitionProblem[];
  readOnly: boolean;
  onChange(rules: Rule[]): void;
}

function move(rules: Rule[], from: number, to: number): Rule[] {
  const next = [...rules];
  const [rule] = next.splice(from, 1);
  next.splice(to, 0, rule!);
  return next;
}

/** 规则: each rule folded to its id and message; open one to edit it. Rules with problems are marked. */
export function RulesList({ rules, variables, problems, readOnly, onChange }: Props) {
  const items = rules.map((rule, index) => {
    const own = problemsAt(problems, `/rules/${index}`);
    return {
      key: String(index),
      label: (
        <Space>
          <Typography.Text code>{rule.id || '（未命名）'}</Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 600 }}>{rule.message}</Typography.Text>
          {own.length > 0 && <Badge count={own.length} title="有问题" />}
        </Space>
      ),
      extra: readOnly ? undefined : (
        <Space onClick={(e) => e.stopPropagation()}>
          <Button size="small" disabled={index === 0} onClick={() => onChange(move(rules, index, index - 1))}>上移</Button>
          <Button size="small" disabled={index === rules.length - 1} onClick={() => onChange(move(rules, index, index + 1))}>下移</Button>
          <Button size="small" danger onClick={() => onChange(removeAt(rules, index))}>删除</Button>
        </Space>
      ),
      children: <RuleCard rule={rule} variables={variables} problems={own} readOnly={readOnly}
        onChange={(next) => onChange(replaceAt(rules, index, next))} />,
    };
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="rules">
      <Collapse items={items} destroyOnHidden />
      {!readOnly && (
        <Button onClick={() => onChange([...rules, { id: `rule${rules.length + 1}`, assert: 'true', message: '请填写不满足时的提示。' }])}>
          添加规则
        </Button>
      )}
    </Space>
  );
}
