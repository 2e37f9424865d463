import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { Alert } from 'antd';
import { useRef } from 'react';
import { useMarkers } from './modeler/useMarkers';
import { useModeler } from './modeler/useModeler';
import './process.css';

export interface DiffDiagramProps {
  bpmn: string;
  /** Element id → marker class (zj-diff-add / zj-diff-remove / zj-diff-change). */
  markers: Record<string, string>;
}

const ignore = () => undefined;

/** A read-only diagram with the changed elements marked (one side of the element diff). */
export default function DiffDiagram({ bpmn, markers }: DiffDiagramProps) {
  const container = useRef<HTMLDivElement>(null);
  const { diagram, revision, error } = useModeler(container, bpmn, true, ignore);
  useMarkers(diagram, markers, revision);
  return (
    <>
      {error && <Alert type="warning" showIcon title={error} />}
      <div ref={container} className="zj-process-canvas" style={{ height: 360 }} data-testid="diff-diagram" />
    </>
  );
}
