/** BPMN texts for tests: a small valid review process, and a way to wrap any process body. */
export const definitions = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zj="https://zjrj.dev/schema/bpmn"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_1" targetNamespace="https://zjrj.dev/test">
${body}
</bpmn:definitions>`;

export const processXml = (flowElements: string): string => definitions(`<bpmn:process id="Process_1">${flowElements}</bpmn:process>`);

export const assignee = '<bpmn:extensionElements><zj:assignee role="main" level="parent" /></bpmn:extensionElements>';
export const action = (name: string) => `<bpmn:extensionElements><zj:action name="${name}" /></bpmn:extensionElements>`;
export const flow = (id: string, source: string, target: string, condition?: string) => (condition === undefined
  ? `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}" />`
  : `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`);

/** start → review → gateway (approve → apply → end | reject → end): valid; tests break one thing each. */
export const reviewElements = {
  start: '<bpmn:startEvent id="Start" />',
  review: `<bpmn:userTask id="Review">${assignee}</bpmn:userTask>`,
  gateway: '<bpmn:exclusiveGateway id="Outcome" />',
  apply: `<bpmn:serviceTask id="Apply">${action('institutionChange.apply')}</bpmn:serviceTask>`,
  endApplied: '<bpmn:endEvent id="EndApplied" />',
  endRejected: '<bpmn:endEvent id="EndRejected" />',
  f1: flow('F1', 'Start', 'Review'),
  f2: flow('F2', 'Review', 'Outcome'),
  fApprove: flow('FApprove', 'Outcome', 'Apply', 'outcome = &quot;approve&quot;'),
  fReject: flow('FReject', 'Outcome', 'EndRejected', 'outcome = &quot;reject&quot;'),
  f3: flow('F3', 'Apply', 'EndApplied'),
};

export const review = (changes: Partial<Record<keyof typeof reviewElements, string>> = {}, extra = ''): string =>
  processXml(Object.values({ ...reviewElements, ...changes }).join('\n') + extra);
