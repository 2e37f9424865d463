import type { RulesetReplay } from '@zjrj/engine/contract';
import type { RulesetContent } from '@zjrj/engine/rules';
import { errorMessage } from '@zjrj/runtime-ui';
import { Alert, Button, InputNumber, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import type { DesignerApi } from '../api/DesignerApi';

type Changed = RulesetReplay['changed'][number];

const verdict = (messages: string[]) => (messages.length === 0
  ? <Typography.Text type="success">符合规则</Typography.Text>
  : <ul style={{ margin: 0, paddingLeft: 18 }}>{messages.map((m) => <li key={m}><Typography.Text type="danger">{m}</Typography.Text></li>)}</ul>);

const columns: ColumnsType<Changed> = [
  { title: '机构', dataIndex: 'orgName', width: 180 },
  { title: '记录', dataIndex: 'title', width: 220 },
  { title: '按生效中的规则', dataIndex: 'before', render: verdict },
  { title: '按本草稿', dataIndex: 'after', render: verdict },
];

/**
 * 回放: the draft judged against the stored records it would govern, next to the rules in force for
 * them; only records whose verdict changes are listed, with both verdicts' messages.
 */
export function ReplayPanel({ api, ruleset }: { api: DesignerApi; ruleset: RulesetContent }) {
  const [year, setYear] = useState<number | null>(null);
  const [result, setResult] = useState<RulesetReplay>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // A result describes the draft it ran on: after a change it is cleared rather than shown as current.
  useEffect(() => { setResult(undefined); }, [ruleset]);

  const replay = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await api.replayRuleset(ruleset as unknown as Record<string, unknown>, year ?? undefined));
    } catch (e) {
      setResult(undefined);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="replay">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        发布前，用本草稿重新检查已填报的记录，看哪些记录的结论会改变、为什么。不会修改任何数据。
      </Typography.Paragraph>
      <Space>
        <span>考试年度</span>
        <InputNumber value={year} onChange={setYear} min={2000} max={2100} placeholder={String(ruleset.appliesTo.examYear ?? '')}
          aria-label="回放的考试年度" />
        <Button type="primary" loading={busy} onClick={() => void replay()}>开始回放</Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {result && (
        <>
          {result.notice && <Alert type="info" showIcon title={result.notice} />}
          <Alert type={result.changed.length ? 'warning' : 'success'} showIcon data-testid="replay-summary"
            title={`${result.examYear ?? ''} 年度共检查 ${result.total} 条记录：${result.changed.length} 条结论改变，${result.unchangedCount} 条不变。`} />
          {result.changed.length > 0 && (
            <Table<Changed> size="small" rowKey="recordId" columns={columns} dataSource={result.changed}
              pagination={{ pageSize: 20, hideOnSinglePage: true }} />
          )}
        </>
      )}
    </Space>
  );
}
