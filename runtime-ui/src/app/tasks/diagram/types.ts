/** What the diagram canvas draws: the BPMN XML and the nodes to mark. */
export interface DiagramCanvasProps {
  bpmn: string;
  activeNodeIds: string[];
  doneNodeIds: string[];
  /** The diagram could not be drawn (the page then says so instead). */
  onError(error: unknown): void;
}
