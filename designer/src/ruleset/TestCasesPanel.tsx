import type { RulesetTestRun } from '@zjrj/engine/contract';
import type { RulesetContent, RuleTest } from '@zjrj/engine/rules';
import { errorMessage } from '@zjrj/runtime-ui';
import { Alert, Button, Collapse, Popconfirm, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DesignerApi } from '../api/DesignerApi';
import { removeAt, replaceAt } from './rulesetContent';
import { shiftDates } from './shiftDates';
import { TestCaseCard } from './TestCaseCard';

interface Props {
  api: DesignerApi;
  ruleset: RulesetContent;
  readOnly: boolean;
  onChange(tests: RuleTest[]): void;
}

const listText = (value: unknown) => (Array.isArray(value) && value.length === 0 ? '全部通过' : Array.isArray(value) ? value.join('、') : JSON.stringify(value));

/** 测试用例: edit the cases, run them against the draft on the server, see each verdict. */
export function TestCasesPanel({ api, ruleset, readOnly, onChange }: Props) {
  const tests = ruleset.tests ?? [];
  const [run, setRun] = useState<RulesetTestRun>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const ruleIds = ruleset.rules.map((r) => r.id);
  // Results describe the content they ran on: a change makes them stale.
  useEffect(() => { setRun(undefined); }, [ruleset]);

  const runTests = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setRun(await api.testRuleset(ruleset as unknown as Record<string, unknown>));
    } catch (e) {
      setRun(undefined);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const resultOf = (index: number) => run?.cases[index];
  const items = tests.map((test, index) => {
    const result = resultOf(index);
    return {
      key: String(index),
      label: (
        <Space>
          {result && (result.passed ? <Tag color="green">通过</Tag> : <Tag color="red">未通过</Tag>)}
          <span>{test.name}</span>
          {result && !result.passed && (
            <Typography.Text type="danger">预期：{listText(result.expected)}；实际：{listText(result.actual)}{result.message ? `（${result.message}）` : ''}</Typography.Text>
          )}
        </Space>
      ),
      extra: readOnly ? undefined : <Button size="small" danger onClick={(e) => { e.stopPropagation(); onChange(removeAt(tests, index)); }}>删除</Button>,
      children: <TestCaseCard test={test} ruleIds={ruleIds} readOnly={readOnly} onChange={(t) => onChange(replaceAt(tests, index, t))} />,
    };
  });

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="test-cases">
      <Space wrap>
        <Button type="primary" loading={busy} onClick={() => void runTests()}>运行测试</Button>
        {!readOnly && <Button onClick={() => onChange([...tests, { name: `用例 ${tests.length + 1}`, input: { record: {} }, expect: [] }])}>添加用例</Button>}
        {!readOnly && tests.length > 0 && (
          <Popconfirm title="把所有用例中的日期顺延一年？" description="例如 2023-06-15 改为 2024-06-15，用于复制上一年度的规则后调整用例。"
            okText="顺延" cancelText="取消" onConfirm={() => onChange(shiftDates(tests, 1))}>
            <Button>用例日期顺延一年</Button>
          </Popconfirm>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {run && (
        <Alert type={run.failed ? 'error' : 'success'} showIcon data-testid="test-summary"
          title={run.failed ? `${run.passed} 个用例通过，${run.failed} 个未通过。` : `全部 ${run.passed} 个用例通过。`} />
      )}
      <Collapse items={items} destroyOnHidden />
    </Space>
  );
}
