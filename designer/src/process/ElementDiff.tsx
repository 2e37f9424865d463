import type { ElementChange } from '@zjrj/engine/contract';
import { Col, Empty, Row, Space, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';

const LazyDiagram = lazy(() => import('./DiffDiagram'));

export interface ElementDiffProps {
  /** `DefinitionDiff.elements` of a process diff. */
  elements: ElementChange[];
  /** The BPMN XML of the older side; with `after`, both diagrams are drawn with the changes marked. */
  before?: string;
  /** The BPMN XML of the newer side. */
  after?: string;
}

const ops: Record<ElementChange['op'], { label: string; color: string; marker: string }> = {
  add: { label: '新增', color: 'green', marker: 'zj-diff-add' },
  remove: { label: '删除', color: 'red', marker: 'zj-diff-remove' },
  change: { label: '修改', color: 'orange', marker: 'zj-diff-change' },
};

/** The markers of one side: removed elements exist only before, added ones only after. */
export function diffMarkers(elements: ElementChange[], side: 'before' | 'after'): Record<string, string> {
  const hidden: ElementChange['op'] = side === 'before' ? 'add' : 'remove';
  return Object.fromEntries(elements.filter((e) => e.op !== hidden).map((e) => [e.id, ops[e.op].marker]));
}

/**
 * The element diff of two process versions (read-only): each changed element with what happened to
 * it, and, given both XMLs, the two diagrams side by side with the changes marked
 * (green added, red removed, orange changed).
 */
export function ElementDiff({ elements, before, after }: ElementDiffProps) {
  const markersBefore = useMemo(() => diffMarkers(elements, 'before'), [elements]);
  const markersAfter = useMemo(() => diffMarkers(elements, 'after'), [elements]);
  if (elements.length === 0) return <Empty description="流程图没有变化" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="element-diff">
      <Space wrap>
        {elements.map((e) => (
          <Tag key={e.id} color={ops[e.op].color} title={`${e.type}（${e.id}）`}>{ops[e.op].label}：{e.name || e.id}</Tag>
        ))}
      </Space>
      {before && after && (
        <Suspense fallback={<Spin />}>
          <Row gutter={12}>
            <Col span={12}><Typography.Text type="secondary">原来</Typography.Text><LazyDiagram bpmn={before} markers={markersBefore} /></Col>
            <Col span={12}><Typography.Text type="secondary">现在</Typography.Text><LazyDiagram bpmn={after} markers={markersAfter} /></Col>
          </Row>
        </Suspense>
      )}
    </Space>
  );
}
