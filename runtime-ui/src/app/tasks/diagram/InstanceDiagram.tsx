import { Alert, Space, Spin, Tag, Typography } from 'antd';
import { Component, lazy, Suspense, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import { useAppServices } from '../../AppServices';
import { useLoadable } from '../../common';
import { nodeNames } from './nodeNames';
import type { DiagramCanvasProps } from './types';

const LazyCanvas = lazy(() => import('./BpmnCanvas'));
const UNAVAILABLE = '流程图暂时无法显示，可参考下方的流程记录。';

/** Shows the fallback instead of a canvas that failed to load or draw. */
class CanvasBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() { return { failed: true }; }
  override render() { return this.state.failed ? <Alert type="warning" showIcon role="status" title={UNAVAILABLE} /> : this.props.children; }
}

export interface InstanceDiagramProps {
  instanceId: string;
  /** What draws the diagram (default: the lazily loaded bpmn-js canvas). */
  Canvas?: ComponentType<DiagramCanvasProps>;
}

/**
 * 流程图: the process version the instance runs on, the current node(s) highlighted and the passed
 * ones marked, with the same said in words (当前环节 / 已完成) for reading and for screen readers.
 */
export function InstanceDiagram({ instanceId, Canvas = LazyCanvas }: InstanceDiagramProps) {
  const { api } = useAppServices();
  const diagram = useLoadable(() => api.tasks.diagram(instanceId), [api, instanceId]);
  const [failed, setFailed] = useState(false);
  const names = useMemo(() => (diagram.status === 'ready' ? nodeNames(diagram.value.bpmn) : new Map<string, string>()),
    [diagram]);
  if (diagram.status === 'loading') return <Spin />;
  if (diagram.status === 'failed') return <Alert type="warning" showIcon role="status" title={`${UNAVAILABLE}（${diagram.message}）`} />;
  const { activeNodeIds, doneNodeIds, bpmn } = diagram.value;
  const label = (id: string) => names.get(id) ?? id;
  return (
    <div data-testid="instance-diagram">
      <Space wrap style={{ marginBottom: 8 }}>
        <span data-testid="diagram-active">
          <Tag color="blue">当前环节</Tag>{activeNodeIds.length > 0 ? activeNodeIds.map(label).join('、') : '流程已结束'}
        </span>
        <Typography.Text type="secondary" data-testid="diagram-done">
          <Tag color="green">已完成</Tag>{doneNodeIds.map(label).join('、')}
        </Typography.Text>
      </Space>
      {failed ? <Alert type="warning" showIcon role="status" title={UNAVAILABLE} /> : (
        <CanvasBoundary>
          <Suspense fallback={<Spin />}>
            <Canvas bpmn={bpmn} activeNodeIds={activeNodeIds} doneNodeIds={doneNodeIds} onError={() => setFailed(true)} />
          </Suspense>
        </CanvasBoundary>
      )}
    </div>
  );
}
