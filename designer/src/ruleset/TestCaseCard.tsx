import type { RuleTest } from '@zjrj/engine/rules';
import { Col, Form, Input, Row, Select } from 'antd';
import { JsonTextArea } from '../definition/RawJsonEditor';

interface Props {
  test: RuleTest;
  ruleIds: string[];
  readOnly: boolean;
  onChange(test: RuleTest): void;
}

const channelOptions = [{ value: '', label: '不区分' }, { value: 'entry', label: '逐条填报' }, { value: 'import', label: 'Excel 导入' }];

/** One test case: a record (with its group and looked-up records) and the rules expected to fail for it. */
export function TestCaseCard({ test, ruleIds, readOnly, onChange }: Props) {
  const input = test.input;
  const setInput = (patch: Partial<RuleTest['input']>) => {
    const next = { ...input, ...patch };
    for (const key of Object.keys(patch) as Array<keyof RuleTest['input']>) if (patch[key] === undefined) delete next[key];
    onChange({ ...test, input: next });
  };
  return (
    <Form layout="vertical" component="div">
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item label="用例名称" required>
            <Input value={test.name} readOnly={readOnly} aria-label="用例名称" onChange={(e) => onChange({ ...test, name: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item label="渠道">
            <Select value={input.channel ?? ''} options={channelOptions} disabled={readOnly} aria-label="渠道"
              onChange={(c) => setInput({ channel: c === '' ? undefined : c as 'entry' | 'import' })} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item label="预期不通过的规则（为空表示应全部通过）">
            <Select mode="multiple" value={test.expect} disabled={readOnly} aria-label="预期不通过的规则" placeholder="全部通过"
              options={ruleIds.map((id) => ({ value: id, label: id }))} onChange={(expect: string[]) => onChange({ ...test, expect })} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label="记录">
            <JsonTextArea label="记录" shape="object" value={input.record} readOnly={readOnly} maxRows={12}
              onChange={(record) => setInput({ record: record as Record<string, unknown> })} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="同组其他记录（可选）">
            <JsonTextArea label="同组其他记录" shape="array" value={input.others ?? []} readOnly={readOnly} maxRows={12}
              onChange={(others) => setInput({ others: (others as Array<Record<string, unknown>>).length ? others as Array<Record<string, unknown>> : undefined })} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="关联记录（可选）">
            <JsonTextArea label="关联记录" shape="object" value={input.lookups ?? {}} readOnly={readOnly} maxRows={12}
              onChange={(lookups) => setInput({ lookups: Object.keys(lookups as object).length ? lookups as RuleTest['input']['lookups'] : undefined })} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
