import type { SchemaImpact } from '@zjrj/engine/contract';
import { errorMessage } from '@zjrj/runtime-ui';
import { Alert, Button, List, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DesignerApi } from '../api/DesignerApi';

interface ImpactPanelProps { api: DesignerApi; definitionKey: string; content: Record<string, unknown> }

function ImpactResult({ impact }: { impact: SchemaImpact }) {
  if (impact.invalid === 0) {
    return <Alert type="success" showIcon title={`已检查 ${impact.total} 条已有记录，全部符合新定义，可以放心发布。`} />;
  }
  return (
    <Alert type="warning" showIcon title={`${impact.invalid} 条已有记录将不满足新定义（共 ${impact.total} 条）`}
      description={<Space orientation="vertical" style={{ width: '100%' }}>
        <span>发布后这些记录在下次修改时须先补齐或改正；如不希望如此，可把新增的必填字段改为选填，或放宽取值范围。以下为部分示例：</span>
        <List size="small" dataSource={impact.examples} renderItem={(example) => (
          <List.Item><Typography.Text strong>{example.orgName}</Typography.Text>：{example.messages.join('；')}</List.Item>
        )} />
      </Space>} />
  );
}

/** Before publishing: how many stored records the draft schema would reject (new required field, narrowed values…). */
export function ImpactPanel({ api, definitionKey, content }: ImpactPanelProps) {
  const [impact, setImpact] = useState<SchemaImpact>();
  const [checkedContent, setCheckedContent] = useState<Record<string, unknown>>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const stale = impact !== undefined && checkedContent !== content;
  useEffect(() => setError(undefined), [content]);

  const check = async () => {
    setBusy(true);
    try {
      setImpact(await api.impact('entity', definitionKey, content));
      setCheckedContent(content);
      setError(undefined);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="impact-panel">
      <Space>
        <Button onClick={() => void check()} loading={busy}>检查对已有记录的影响</Button>
        {stale && <Typography.Text type="secondary">定义已修改，请重新检查</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {impact && !stale && <ImpactResult impact={impact} />}
    </Space>
  );
}
