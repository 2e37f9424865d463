import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import { Alert, Space, Typography } from 'antd';
import { useCallback, useMemo, useRef } from 'react';
import type { EditorProps } from '../editors/types';
import type { Canvas, ElementRegistry, Moddle, Modeling, ModelerServices, Selection } from './modeler/services';
import { useModeler } from './modeler/useModeler';
import { PROBLEM_MARKER, useMarkers } from './modeler/useMarkers';
import './process.css';
import { ElementProblems } from './problems/ElementProblems';
import { problemsByElement } from './problems/elementIds';
import { PropertiesPanel } from './properties/PropertiesPanel';

/**
 * The process editor: the bpmn-js modeler cut to the supported subset, our properties panel for the
 * selected element, and the engine's problems listed and marked on the diagram. Edits write the
 * BPMN back into the content (the page saves the draft and validates it).
 */
export default function ProcessModeler({ content, onChange, readOnly, problems, api }: EditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const xml = typeof content.bpmn === 'string' ? content.bpmn : '';
  const contentRef = useRef(content);
  contentRef.current = content;
  const onXml = useCallback((bpmn: string) => onChange({ ...contentRef.current, bpmn }), [onChange]);
  const { diagram, selected, revision, error } = useModeler(container, xml, readOnly, onXml);
  const byElement = useMemo(() => problemsByElement(problems), [problems]);
  const markers = useMemo(() => Object.fromEntries([...byElement.keys()].map((id) => [id, PROBLEM_MARKER])), [byElement]);
  useMarkers(diagram, markers, revision);

  const services: ModelerServices | undefined = useMemo(() => (diagram && !readOnly
    ? { modeling: diagram.get<Modeling>('modeling'), moddle: diagram.get<Moddle>('moddle') } : undefined), [diagram, readOnly]);
  const registry = diagram?.get<ElementRegistry>('elementRegistry');
  const element = selected?.labelTarget ?? selected;

  const select = useCallback((id: string) => {
    const target = diagram?.get<ElementRegistry>('elementRegistry').get(id);
    if (!diagram || !target) return;
    diagram.get<Canvas>('canvas').scrollToElement(target);
    diagram.get<Selection>('selection').select(target);
  }, [diagram]);

  const nameOf = (id: string) => registry?.get(id)?.businessObject.name || id;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!readOnly && (
        <Typography.Text type="secondary">
          左侧工具栏只提供引擎支持的元素（开始和结束事件、用户任务、服务任务、排他网关、并行网关）；选中元素后在右侧设置处理人、任务表单、引擎动作或条件。修改自动保存为草稿，发布后才生效。
        </Typography.Text>
      )}
      {error && <Alert type="error" showIcon title={`${error}。可在“JSON”页查看和修改 bpmn 文本。`} />}
      <div className="zj-process-editor">
        <div ref={container} className="zj-process-canvas" data-testid="process-canvas" />
        <div className="zj-process-side">
          <ElementProblems problems={problems} onSelect={select} nameOf={nameOf} />
          {element && registry && (
            <PropertiesPanel key={element.id} element={element} services={services} registry={registry}
              problems={byElement.get(element.id) ?? []} api={api} />
          )}
        </div>
      </div>
    </Space>
  );
}
