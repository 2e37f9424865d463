/** The read-only BPMN diagram of a process instance (bpmn-js, loaded lazily). */
export { InstanceDiagram, type InstanceDiagramProps } from './InstanceDiagram';
export { nodeNames } from './nodeNames';
export type { DiagramCanvasProps } from './types';
