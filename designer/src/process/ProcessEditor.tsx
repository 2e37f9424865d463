import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import type { EditorProps } from '../editors/types';

/** bpmn-js is large: loaded only when a process is opened. */
const LazyModeler = lazy(() => import('./ProcessModeler'));

/** `kindEditors.process`: the BPMN modeler with our properties panel and the engine's problems. */
export function ProcessEditor(props: EditorProps) {
  return (
    <Suspense fallback={<Spin />}>
      <LazyModeler {...props} />
    </Suspense>
  );
}
