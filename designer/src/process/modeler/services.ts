/** The few bpmn-js services the process editor uses, typed as it uses them. */

/** A moddle element (business object): its type, id and properties. */
export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  [property: string]: unknown;
}

export interface Moddle { create(type: string, attrs?: Record<string, unknown>): ModdleElement }

/** A diagram element (shape or connection) with its business object. */
export interface DiagramElement {
  id: string;
  type: string;
  businessObject: ModdleElement;
  source?: DiagramElement;
  target?: DiagramElement;
  labelTarget?: DiagramElement;
}

export interface Modeling {
  updateProperties(element: DiagramElement, properties: Record<string, unknown>): void;
  updateModdleProperties(element: DiagramElement, moddleElement: ModdleElement, properties: Record<string, unknown>): void;
}

export interface Canvas {
  addMarker(element: string | DiagramElement, marker: string): void;
  removeMarker(element: string | DiagramElement, marker: string): void;
  zoom(scale: 'fit-viewport'): number;
  scrollToElement(element: DiagramElement): void;
}

export interface ElementRegistry {
  get(id: string): DiagramElement | undefined;
  getAll(): DiagramElement[];
}

export interface Selection { select(element: DiagramElement | null): void; get(): DiagramElement[] }

export interface EventBus {
  on(event: string, callback: (event: { element?: DiagramElement; newSelection?: DiagramElement[] }) => void): void;
  off(event: string, callback: (...args: never[]) => void): void;
}

/** What the properties panel writes through: the modeler's modeling (undoable) and moddle. */
export interface ModelerServices {
  modeling: Modeling;
  moddle: Moddle;
}
