/** bpmn-moddle has no types for its main entry: what the process editor's tests use of it. */
declare module 'bpmn-moddle' {
  import type { Moddle, ModdleElement } from '../modeler/services';

  export class BpmnModdle implements Moddle {
    constructor(packages?: Record<string, unknown>);
    create(type: string, attrs?: Record<string, unknown>): ModdleElement;
    fromXML(xml: string): Promise<{ rootElement: ModdleElement; elementsById: Record<string, ModdleElement> }>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
}
