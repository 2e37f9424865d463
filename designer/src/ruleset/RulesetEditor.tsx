import type { RulesetContent } from '@zjrj/engine/rules';
import { Card, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { FeelVariable } from '@bpmn-io/feel-editor';
import { problemsAt } from '../definition/problems';
import type { EditorProps } from '../editors/types';
import { ParametersTable } from './ParametersTable';
import { ReplayPanel } from './ReplayPanel';
import { RulesList } from './RulesList';
import { asRuleset, feelVariables, fieldVariables } from './rulesetContent';
import { TestCasesPanel } from './TestCasesPanel';

/**
 * 填报规则: basic information, parameters, FEEL rules checked as you type, the rule set's
 * own test cases run in the page, and a replay against stored records before publishing.
 */
export function RulesetEditor({ content, onChange, readOnly, problems, api }: EditorProps) {
  // Memoised on the content: panels treat a new rule set object as a change (e.g. test results turn stale).
  const ruleset = useMemo(() => asRuleset(content), [content]);
  const update = (patch: Partial<RulesetContent>) => onChange({ ...content, ...patch });
  const entity = ruleset.appliesTo.entity;
  const [fields, setFields] = useState<FeelVariable[]>([]);
  useEffect(() => {
    let live = true;
    // The governed form's fields, for completion only: without them the editor still works.
    if (entity) api.get('entity', entity).then((d) => { if (live) setFields(fieldVariables(d.inForce?.content)); }).catch(() => undefined);
    return () => { live = false; };
  }, [api, entity]);
  // Rebuilt when the names change (parameters, lookups, group), not on every keystroke in a rule.
  const variables = useMemo(() => feelVariables(ruleset, fields),
    [fields, JSON.stringify([ruleset.parameters, ruleset.lookups, ruleset.group])]);
  const yearProblem = problemsAt(problems, '/appliesTo').map((p) => p.message).join('；') || undefined;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="ruleset-editor">
      <Card size="small" title="基本信息">
        <Form layout="inline" component="div">
          <Form.Item label="名称">
            <Input value={ruleset.title ?? ''} readOnly={readOnly} aria-label="名称" style={{ width: 360 }}
              onChange={(e) => update({ title: e.target.value })} />
          </Form.Item>
          <Form.Item label="适用表单">
            <Typography.Text code>{ruleset.appliesTo.entity}</Typography.Text>
          </Form.Item>
          <Form.Item label="考试年度" validateStatus={yearProblem ? 'error' : undefined} help={yearProblem}>
            <InputNumber value={ruleset.appliesTo.examYear ?? null} min={2000} max={2100} readOnly={readOnly} aria-label="考试年度"
              onChange={(year) => update({ appliesTo: { ...ruleset.appliesTo, ...(year ? { examYear: year } : {}) } })} />
          </Form.Item>
        </Form>
      </Card>
      <Card size="small" title="参数" extra={<Typography.Text type="secondary">规则中按参数名引用；每年调整日期时只需改这里。</Typography.Text>}>
        <ParametersTable parameters={ruleset.parameters ?? {}} readOnly={readOnly} onChange={(parameters) => update({ parameters })} />
      </Card>
      <Card size="small" title={`规则（${ruleset.rules.length} 条）`}>
        <RulesList rules={ruleset.rules} variables={variables} problems={problems} readOnly={readOnly} onChange={(rules) => update({ rules })} />
      </Card>
      <Card size="small" title={`测试用例（${ruleset.tests?.length ?? 0} 个）`}>
        <TestCasesPanel api={api} ruleset={ruleset} readOnly={readOnly} onChange={(tests) => update({ tests })} />
      </Card>
      <Card size="small" title="回放">
        <ReplayPanel api={api} ruleset={ruleset} />
      </Card>
    </Space>
  );
}
