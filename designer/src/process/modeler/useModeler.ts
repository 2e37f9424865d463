import { zjDescriptor } from '@zjrj/engine/workflow';
import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Canvas, DiagramElement, EventBus } from './services';
import { subsetModule } from './subsetModule';

/** How long after the last edit the XML is written back (the page then saves the draft). */
const WRITE_BACK_MS = 300;

export type Diagram = Modeler | NavigatedViewer;

export interface ModelerState {
  diagram: Diagram | undefined;
  /** The selected element (the process itself when nothing is). */
  selected: DiagramElement | undefined;
  /** Counts changes of elements, so panels re-read the business objects. */
  revision: number;
  /** Why the XML could not be drawn (Chinese). */
  error: string | undefined;
}

/** The root element (the process) when nothing is selected. */
const rootOf = (diagram: Diagram) => (diagram.get<{ getRootElement(): DiagramElement }>('canvas')).getRootElement();

/**
 * A bpmn-js modeler (or, read-only, a viewer) in `container`, with our `zj` extension and the
 * supported subset: imports `xml` whenever it differs from what the modeler itself last wrote,
 * and hands the XML to `onXml` a moment after each edit.
 */
export function useModeler(container: RefObject<HTMLDivElement | null>, xml: string, readOnly: boolean, onXml: (xml: string) => void): ModelerState {
  const [diagram, setDiagram] = useState<Diagram>();
  const [selected, setSelected] = useState<DiagramElement>();
  const [revision, setRevision] = useState(0);
  const [error, setError] = useState<string>();
  const written = useRef<string | undefined>(undefined);
  const writeBack = useRef(onXml);
  writeBack.current = onXml;

  useEffect(() => {
    const options = { container: container.current!, moddleExtensions: { zj: zjDescriptor } };
    const instance: Diagram = readOnly ? new NavigatedViewer(options) : new Modeler({ ...options, additionalModules: [subsetModule] });
    const events = instance.get<EventBus>('eventBus');
    let timer: ReturnType<typeof setTimeout> | undefined;
    events.on('selection.changed', ({ newSelection }) => setSelected(newSelection?.[0] ?? rootOf(instance)));
    events.on('elements.changed', () => setRevision((r) => r + 1));
    events.on('import.done', () => { setSelected(rootOf(instance)); setRevision((r) => r + 1); });
    if (instance instanceof Modeler) {
      events.on('commandStack.changed', () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          void instance.saveXML({ format: true }).then(({ xml: saved }) => {
            if (saved === undefined || saved === written.current) return;
            written.current = saved;
            writeBack.current(saved);
          });
        }, WRITE_BACK_MS);
      });
    }
    written.current = undefined;
    setDiagram(instance);
    return () => { clearTimeout(timer); instance.destroy(); };
  }, [container, readOnly]);

  useEffect(() => {
    if (!diagram || xml === written.current) return;
    written.current = xml;
    diagram.importXML(xml).then(() => {
      setError(undefined);
      diagram.get<Canvas>('canvas').zoom('fit-viewport');
    }, (e: unknown) => setError(`流程图无法读取：${(e as Error).message}`));
  }, [diagram, xml]);

  return { diagram, selected, revision, error };
}
