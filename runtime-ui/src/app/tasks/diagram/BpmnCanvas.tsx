import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { useEffect, useRef } from 'react';
import './diagram.css';
import type { DiagramCanvasProps } from './types';

/** The CSS classes of the markers (diagram.css): where the instance stands, and what it passed. */
export const ACTIVE_MARKER = 'zj-node-active';
export const DONE_MARKER = 'zj-node-done';

interface Canvas {
  addMarker(id: string, marker: string): void;
  zoom(scale: 'fit-viewport'): number;
}

/**
 * The read-only BPMN diagram (bpmn-js NavigatedViewer: pan and zoom, no editing) with markers on
 * the current and the passed nodes. Loaded lazily: bpmn-js is large and measures SVG text.
 */
export default function BpmnCanvas({ bpmn, activeNodeIds, doneNodeIds, onError }: DiagramCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const reportError = useRef(onError);
  reportError.current = onError;
  useEffect(() => {
    const viewer = new NavigatedViewer({ container: container.current! });
    let live = true;
    viewer.importXML(bpmn).then(() => {
      if (!live) return;
      const canvas = viewer.get<Canvas>('canvas');
      for (const id of doneNodeIds) canvas.addMarker(id, DONE_MARKER);
      for (const id of activeNodeIds) canvas.addMarker(id, ACTIVE_MARKER);
      canvas.zoom('fit-viewport');
    }, (error: unknown) => { if (live) reportError.current(error); });
    return () => { live = false; viewer.destroy(); };
  }, [bpmn, activeNodeIds, doneNodeIds]);
  return <div ref={container} className="zj-diagram" data-testid="bpmn-canvas" />;
}
