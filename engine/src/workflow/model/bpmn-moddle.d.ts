/**
 * bpmn-moddle 10 ships no types for its main entry (stack notes, gotcha 4): the little of it the
 * engine uses. Elements are read as plain objects; `src/workflow/model/readProcess.ts` narrows them.
 */
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string;
    id?: string;
    $instanceOf(type: string): boolean;
    [property: string]: unknown;
  }

  export interface ModdleWarning {
    message: string;
    error?: Error;
    element?: ModdleElement;
    property?: string;
    value?: string;
  }

  export interface ParseResult {
    rootElement: ModdleElement;
    warnings: ModdleWarning[];
    elementsById: Record<string, ModdleElement>;
  }

  /** A factory in the package (`new` works: it returns the instance), exported by name. */
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
}
