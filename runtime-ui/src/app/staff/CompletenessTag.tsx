import { Popover, Progress, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage, type CompletenessView } from '../../lib';
import { completenessText, type CompletenessLoader } from './completeness';

type State = { status: 'loading' } | { status: 'ready'; view?: CompletenessView } | { status: 'failed'; message: string };

/** What is still missing for 预报名, as a list of the engine's messages. */
export function MissingList({ view }: { view: CompletenessView }) {
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20, maxWidth: 420 }}>
      {view.missing.map((m) => <li key={m.code}><Typography.Text strong>{m.title}</Typography.Text>：{m.message}</li>)}
    </ol>
  );
}

/** A person's 资料完整度: 资料完整, or 缺 N 项 with what is missing on hover. */
export function CompletenessTag({ loader, id }: { loader: CompletenessLoader; id: string }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loader.load(id).then((view) => { if (live) setState({ status: 'ready', view }); },
      (error: unknown) => { if (live) setState({ status: 'failed', message: errorMessage(error) }); });
    return () => { live = false; };
  }, [loader, id]);
  if (state.status === 'loading') return <Typography.Text type="secondary">…</Typography.Text>;
  if (state.status === 'failed') return <Typography.Text type="secondary" title={state.message}>暂无法获取</Typography.Text>;
  const { view } = state;
  if (!view) return <Typography.Text type="secondary">—</Typography.Text>;
  const percent = view.total > 0 ? Math.round((view.met / view.total) * 100) : 100;
  const tag = (
    <Space size={4} data-testid="completeness">
      <Progress type="circle" size={18} percent={percent} showInfo={false} status={view.complete ? 'success' : 'normal'} />
      <Tag color={view.complete ? 'success' : 'warning'}>{completenessText(view)}</Tag>
    </Space>
  );
  if (view.complete) return tag;
  return <Popover title={`还缺 ${view.missing.length} 项（已完成 ${view.met}/${view.total}）`} content={<MissingList view={view} />}>{tag}</Popover>;
}
