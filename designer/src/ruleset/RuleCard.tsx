import type { FeelVariable } from '@bpmn-io/feel-editor';
import type { DefinitionProblem } from '@zjrj/engine/contract';
import type { Rule } from '@zjrj/engine/rules';
import { Alert, Button, Form, Input, Select, Space } from 'antd';
import { FeelInput } from './FeelInput';
import { withField } from './rulesetContent';

interface Props {
  rule: Rule;
  variables: FeelVariable[];
  problems: DefinitionProblem[];
  readOnly: boolean;
  onChange(rule: Rule): void;
}

const scopeOptions = [{ value: 'record', label: '单条记录' }, { value: 'group', label: '同组全部记录（如一人的多段试用期）' }];
const channelOptions = [{ value: 'entry', label: '逐条填报' }, { value: 'import', label: 'Excel 导入' }];

/** The `values` a message quotes: name → FEEL expression. */
function ValuesEditor({ rule, variables, readOnly, onChange }: Omit<Props, 'problems'>) {
  const values = rule.values ?? {};
  const set = (next: Record<string, string>) => onChange(withField(rule, 'values', Object.keys(next).length ? next : undefined));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {Object.entries(values).map(([name, expression]) => (
        <Space.Compact key={name} block>
          <Input value={name} readOnly style={{ width: 140 }} aria-label="引用名" />
          <div style={{ flex: 1 }}>
            <FeelInput label={`引用值 ${name}`} value={expression} readOnly={readOnly} variables={variables}
              onChange={(text) => set({ ...values, [name]: text })} />
          </div>
          {!readOnly && <Button danger onClick={() => set(Object.fromEntries(Object.entries(values).filter(([n]) => n !== name)))}>删除</Button>}
        </Space.Compact>
      ))}
      {!readOnly && (
        <Input.Search placeholder="新引用名，如 previousEnd" enterButton="添加引用值" aria-label="新引用名"
          onSearch={(name) => { if (/^[a-z][a-zA-Z0-9]*$/.test(name) && !(name in values)) set({ ...values, [name]: 'null' }); }} />
      )}
    </Space>
  );
}

/** One rule: when it applies, what must hold (FEEL, checked as you type), what to say and where. */
export function RuleCard({ rule, variables, problems, readOnly, onChange }: Props) {
  const problemOf = (field: string) => problems.filter((p) => p.path.endsWith(`/${field}`)).map((p) => p.message).join('；') || undefined;
  const status = (field: string) => (problemOf(field) ? 'error' as const : undefined);
  return (
    <Form layout="vertical" component="div" data-testid={`rule-${rule.id}`}>
      <Space wrap align="start">
        <Form.Item label="规则编号" validateStatus={status('id')} help={problemOf('id')}>
          <Input value={rule.id} readOnly={readOnly} onChange={(e) => onChange({ ...rule, id: e.target.value })} aria-label="规则编号" />
        </Form.Item>
        <Form.Item label="检查范围">
          <Select value={rule.scope ?? 'record'} options={scopeOptions} disabled={readOnly} style={{ width: 300 }} aria-label="检查范围"
            onChange={(scope) => onChange(withField(rule, 'scope', scope === 'record' ? undefined : scope))} />
        </Form.Item>
        <Form.Item label="适用渠道（不选为全部）">
          <Select mode="multiple" value={rule.on ?? []} options={channelOptions} disabled={readOnly} style={{ minWidth: 220 }}
            aria-label="适用渠道" placeholder="全部渠道" onChange={(on) => onChange(withField(rule, 'on', on))} />
        </Form.Item>
        <Form.Item label="标记的字段" validateStatus={status('path')} help={problemOf('path')}>
          <Input value={rule.path ?? ''} readOnly={readOnly} placeholder="/startDate" aria-label="标记的字段"
            onChange={(e) => onChange(withField(rule, 'path', e.target.value))} />
        </Form.Item>
      </Space>
      <Form.Item label="适用条件 when（可选，FEEL）" validateStatus={status('when')} help={problemOf('when')}>
        <FeelInput label="适用条件" value={rule.when ?? ''} readOnly={readOnly} variables={variables} placeholder="为空时总是检查"
          onChange={(text) => onChange(withField(rule, 'when', text))} />
      </Form.Item>
      <Form.Item label="须满足 assert（FEEL）" required validateStatus={status('assert')} help={problemOf('assert')}>
        <FeelInput label="须满足" value={rule.assert} readOnly={readOnly} variables={variables}
          onChange={(text) => onChange({ ...rule, assert: text })} />
      </Form.Item>
      <Form.Item label="不满足时的提示（可用 {字段名} 或 {参数名} 引用值）" required validateStatus={status('message')} help={problemOf('message')}>
        <Input.TextArea value={rule.message} readOnly={readOnly} autoSize={{ minRows: 1, maxRows: 4 }} aria-label="提示信息"
          onChange={(e) => onChange({ ...rule, message: e.target.value })} />
      </Form.Item>
      <Form.Item label="提示中引用的计算值（可选）">
        <ValuesEditor rule={rule} variables={variables} readOnly={readOnly} onChange={onChange} />
      </Form.Item>
      {problems.filter((p) => !/\/(id|when|assert|message|path)$/.test(p.path)).map((p) => (
        <Alert key={p.path + p.message} type="error" showIcon title={p.message} />
      ))}
    </Form>
  );
}
