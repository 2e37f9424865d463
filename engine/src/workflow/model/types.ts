/**
 * A BPMN process as the engine reads it: plain data, free of moddle objects, so validation and the
 * executor work on ids and arrays. Types keep their BPMN names (`bpmn:UserTask`); only a model that
 * `validateProcess` accepts is meant to be executed.
 */

/** Who works on a user task, relative to the instance's initiator (`zj:assignee`). */
export interface Assignee {
  /** `main`: the main account of the organisation at `level`; `reviewer`: any account there holding `permission`; `initiator`: the initiator. */
  role: string;
  /** `self` (the initiator's organisation), `parent` (the one directly above), or the nearest at or above: `district`, `city`, `province`. */
  level?: string;
  /** Instead of `level`: `data:<field>`, the organisation whose id the instance data holds in `<field>` (set at start). */
  org?: string;
  permission?: string;
}

/** What a user task shows (`zj:form`): a page of the runtime UI and/or the entity or document it concerns. */
export interface TaskForm {
  view?: string;
  entity?: string;
  document?: string;
}

export interface FlowNode {
  id: string;
  /** The BPMN type, e.g. `bpmn:ExclusiveGateway`. */
  type: string;
  name?: string;
  /** Sequence flow ids, in document order. */
  incoming: string[];
  outgoing: string[];
  /** The gateway's default flow id (`default` attribute). */
  defaultFlow?: string;
  /** Types of event definitions (`bpmn:TimerEventDefinition` …); empty for none events. */
  eventDefinitions: string[];
  /** The type of loop / multi-instance characteristics, when the task has any. */
  loop?: string;
  assignee?: Assignee;
  form?: TaskForm;
  /** A service task's engine action (`zj:action name`). */
  action?: string;
  /** Types of the extension elements found on the node (ours and any foreign ones). */
  extensions: string[];
}

export interface SequenceFlow {
  id: string;
  name?: string;
  source: string;
  target: string;
  /** The condition's FEEL text (`bpmn:FormalExpression` body). */
  condition?: { body: string; type: string; language?: string };
}

/** An element the model does not interpret (a root element, artifact or flow element of another kind). */
export interface OtherElement {
  id: string;
  type: string;
  /** Why it was set aside, when it is not simply of an unsupported type. */
  note?: string;
}

export interface ProcessModel {
  /** The id of the (first) process. */
  id: string;
  name?: string;
  /** Ids of every `bpmn:Process` in the file (exactly one is supported). */
  processIds: string[];
  nodes: Record<string, FlowNode>;
  flows: Record<string, SequenceFlow>;
  others: OtherElement[];
  /** Problems met while reading the XML (unknown elements, unresolved references, duplicate ids). */
  readProblems: ProcessProblem[];
}

/** One thing wrong with a process: the element it concerns (when one) and a Chinese message. */
export interface ProcessProblem {
  elementId?: string;
  message: string;
}
