import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { describeWarning, UNREADABLE } from './moddleWarnings.js';
import type { Assignee, FlowNode, OtherElement, ProcessModel, ProcessProblem, SequenceFlow, TaskForm } from './types.js';
import zjDescriptor from './zj.json' with { type: 'json' };

/** Our extension namespace: prefix `zj`, uri `https://zjrj.dev/schema/bpmn` (docs/definitions.md, `process`). */
export const zjNamespace = { prefix: zjDescriptor.prefix, uri: zjDescriptor.uri, descriptor: zjDescriptor } as const;

/** Thrown when the text cannot be read as BPMN at all (not XML, or no `bpmn:definitions` root). */
export class ProcessParseError extends Error {
  constructor(readonly problems: ProcessProblem[]) {
    super(problems.map((p) => p.message).join('；'));
  }
}

/** Root elements and artifacts that only document a diagram: read and ignored. */
const DOCUMENTATION_ONLY = new Set(['bpmn:Category', 'bpmn:TextAnnotation', 'bpmn:Association', 'bpmn:Group']);

const list = (value: unknown): ModdleElement[] => (Array.isArray(value) ? value as ModdleElement[] : []);
const idOf = (value: unknown): string => String((value as ModdleElement | undefined)?.id ?? '');
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function attributes<K extends string>(element: ModdleElement | undefined, names: readonly K[]): Partial<Record<K, string>> {
  const found: Partial<Record<K, string>> = {};
  for (const name of names) if (text(element?.[name]) !== undefined) found[name] = text(element?.[name]);
  return found;
}

function readNode(element: ModdleElement): FlowNode {
  const extensions = list((element.extensionElements as ModdleElement | undefined)?.values);
  const find = (type: string) => extensions.find((e) => e.$type === type);
  const assignee = find('zj:Assignee');
  const form = find('zj:Form');
  const action = text(find('zj:Action')?.name);
  return {
    id: element.id ?? '',
    type: element.$type,
    ...(text(element.name) ? { name: text(element.name) } : {}),
    incoming: [],
    outgoing: [],
    ...(element.default ? { defaultFlow: idOf(element.default) } : {}),
    eventDefinitions: list(element.eventDefinitions).map((d) => d.$type),
    ...(element.loopCharacteristics ? { loop: (element.loopCharacteristics as ModdleElement).$type } : {}),
    ...(assignee ? { assignee: { role: '', ...attributes(assignee, ['role', 'level', 'org', 'permission']) } as Assignee } : {}),
    ...(form ? { form: attributes(form, ['view', 'entity', 'document']) as TaskForm } : {}),
    ...(action !== undefined ? { action } : {}),
    extensions: extensions.map((e) => e.$type),
  };
}

function readFlow(element: ModdleElement): SequenceFlow {
  const condition = element.conditionExpression as ModdleElement | undefined;
  return {
    id: element.id ?? '',
    ...(text(element.name) ? { name: text(element.name) } : {}),
    source: idOf(element.sourceRef),
    target: idOf(element.targetRef),
    ...(condition ? { condition: { body: text(condition.body) ?? '', type: condition.$type,
      ...(text(condition.language) ? { language: text(condition.language) } : {}) } } : {}),
  };
}

/** Flow elements of one process into nodes, flows and the rest; incoming/outgoing come from the flows. */
function readProcess(process: ModdleElement, model: ProcessModel): void {
  for (const element of list(process.flowElements)) {
    if (element.$type === 'bpmn:SequenceFlow') model.flows[element.id ?? ''] = readFlow(element);
    else if (element.$instanceOf('bpmn:FlowNode')) model.nodes[element.id ?? ''] = readNode(element);
    else model.others.push({ id: element.id ?? '', type: element.$type });
  }
  for (const artifact of list(process.artifacts)) {
    if (!DOCUMENTATION_ONLY.has(artifact.$type)) model.others.push({ id: artifact.id ?? '', type: artifact.$type });
  }
  for (const flow of Object.values(model.flows)) {
    model.nodes[flow.source]?.outgoing.push(flow.id);
    model.nodes[flow.target]?.incoming.push(flow.id);
  }
}

function readCollaboration(collaboration: ModdleElement, others: OtherElement[]): void {
  for (const flow of list(collaboration.messageFlows)) others.push({ id: flow.id ?? '', type: flow.$type });
  for (const participant of list(collaboration.participants)) {
    if (!participant.processRef) others.push({ id: participant.id ?? '', type: participant.$type, note: 'emptyPool' });
  }
}

/**
 * Reads a BPMN 2.0 XML text with bpmn-moddle and our `zj` extension. Throws `ProcessParseError` when
 * the text is not a BPMN document at all; anything else questionable is kept in the model for
 * `validateProcess` to judge.
 */
export async function parseProcess(xml: string): Promise<ProcessModel> {
  const moddle = new BpmnModdle({ zj: zjDescriptor });
  let result;
  try {
    result = await moddle.fromXML(xml);
  } catch (error) {
    const warnings = (error as { warnings?: Parameters<typeof describeWarning>[0][] }).warnings ?? [];
    throw new ProcessParseError(warnings.length > 0 ? warnings.map(describeWarning) : [UNREADABLE]);
  }
  const roots = list(result.rootElement.rootElements);
  const processes = roots.filter((r) => r.$type === 'bpmn:Process');
  const first = processes[0];
  const model: ProcessModel = {
    id: first?.id ?? '', ...(text(first?.name) ? { name: text(first?.name) } : {}),
    processIds: processes.map((p) => p.id ?? ''),
    nodes: {}, flows: {}, others: [], readProblems: result.warnings.map(describeWarning),
  };
  if (first) readProcess(first, model);
  for (const root of roots) {
    if (root.$type === 'bpmn:Collaboration') readCollaboration(root, model.others);
    else if (root.$type !== 'bpmn:Process' && !DOCUMENTATION_ONLY.has(root.$type)) model.others.push({ id: root.id ?? '', type: root.$type });
  }
  return model;
}
