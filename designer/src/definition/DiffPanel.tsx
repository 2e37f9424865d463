import type { DefinitionDetail } from '@zjrj/engine/contract';
import { Alert, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { DesignerApi } from '../api/DesignerApi';
import { kindDiffViews } from '../editors/registry';
import { DiffTable } from './DiffTable';
import { useLoaded } from './useLoaded';

type Side = number | 'draft';

/** 对比: any two versions, or a version and the draft (default: the version in force against the draft). */
export function DiffPanel({ api, detail, flush }: { api: DesignerApi; detail: DefinitionDetail; flush(): Promise<void> }) {
  const newest = detail.versions[0]?.version;
  const [from, setFrom] = useState<number | undefined>(detail.inForce?.version ?? detail.versions[1]?.version ?? newest);
  const [to, setTo] = useState<Side | undefined>(detail.draft ? 'draft' : newest);
  const options = detail.versions.map((v) => ({ value: v.version, label: `v${v.version}${v.version === detail.inForce?.version ? '（生效中）' : ''}` }));
  const diff = useLoaded(async () => {
    if (from === undefined || to === undefined) return undefined;
    if (to === 'draft') await flush();
    return api.diff(detail.kind, detail.key, from, to);
  }, [api, detail.kind, detail.key, from, to]);

  const KindView = kindDiffViews[detail.kind];
  if (from === undefined) return <Alert type="info" showIcon title="这个定义还没有发布过的版本，暂无可对比的内容。" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text>对比</Typography.Text>
        <Select aria-label="对比起点" value={from} onChange={setFrom} options={options} style={{ width: 140 }} />
        <Typography.Text>与</Typography.Text>
        <Select<Side> aria-label="对比终点" value={to} onChange={setTo} style={{ width: 140 }}
          options={[...(detail.draft ? [{ value: 'draft' as Side, label: '当前草稿' }] : []), ...options]} />
      </Space>
      {diff.loading && <Spin />}
      {diff.error && <Alert type="error" showIcon title={diff.error} />}
      {diff.value && <DiffTable diff={diff.value} />}
      {diff.value && KindView && to !== undefined && <KindView api={api} definitionKey={detail.key} from={from} to={to} diff={diff.value} />}
    </Space>
  );
}
