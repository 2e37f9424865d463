import { zjDescriptor } from '@zjrj/engine/workflow';
import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import personTransferJson from '../../../../definitions/processes/personTransfer.json?raw';
import { nextAssignee } from '../properties/AssigneeSection';
import { conditionExpression, extensionValuesWith, readCondition, readZj, type ZjAttrs, type ZjKind } from '../properties/zjExtension';

const personTransfer = (JSON.parse(personTransferJson) as { bpmn: string }).bpmn;

async function load(xml = personTransfer) {
  const moddle = new BpmnModdle({ zj: zjDescriptor });
  const { rootElement, elementsById } = await moddle.fromXML(xml);
  const element = (id: string) => elementsById[id]!;
  /** What writeZj does through bpmn-js's modeling, done on the moddle element directly. */
  const write = (id: string, kind: ZjKind, attrs: ZjAttrs) => {
    const bo = element(id);
    const values = extensionValuesWith(bo, moddle, kind, attrs);
    if (bo.extensionElements) (bo.extensionElements as { values: unknown }).values = values;
    else bo.extensionElements = moddle.create('bpmn:ExtensionElements', { values });
  };
  const save = async () => load((await moddle.toXML(rootElement, { format: true })).xml);
  return { moddle, element, write, save };
}

describe('zj extension elements on BPMN business objects', () => {
  it('reads the assignment, form and action of the stored definitions', async () => {
    const { element } = await load();
    expect(readZj(element('Task_ReleasingReview'), 'assignee')).toEqual({ role: 'main', org: 'data:releasingOrgId' });
    expect(readZj(element('Task_ReleasingReview'), 'form')).toEqual({ view: 'transferReview', entity: 'person' });
    expect(readZj(element('Service_Apply'), 'action')).toEqual({ name: 'transfer.apply' });
    expect(readZj(element('Start_Applied'), 'assignee')).toEqual({});
  });

  it('writes a changed assignment that survives saving and reading the XML again, the form kept in its place', async () => {
    const first = await load();
    const assignee = readZj(first.element('Task_ReleasingReview'), 'assignee');
    first.write('Task_ReleasingReview', 'assignee', nextAssignee(assignee, { level: 'district' }));
    const { element } = await first.save();
    const extensions = (element('Task_ReleasingReview').extensionElements as { values: Array<{ $type: string }> }).values;
    expect(extensions.map((e) => e.$type)).toEqual(['zj:Assignee', 'zj:Form']);
    expect(readZj(element('Task_ReleasingReview'), 'assignee')).toEqual({ role: 'main', level: 'district' });
    expect(readZj(element('Task_ReleasingReview'), 'form')).toEqual({ view: 'transferReview', entity: 'person' });
  });

  it('adds an extension to an element without any, and removes it when every attribute is emptied', async () => {
    const first = await load();
    first.write('Start_Applied', 'form', { view: 'x' });
    first.write('Task_Revise', 'form', { view: ' ', entity: '' });
    const { element } = await first.save();
    expect(readZj(element('Start_Applied'), 'form')).toEqual({ view: 'x' });
    expect(readZj(element('Task_Revise'), 'form')).toEqual({});
    expect(readZj(element('Task_Revise'), 'assignee')).toEqual({ role: 'initiator' });
  });

  it('writes FEEL conditions as formal expressions the engine reads, and removes an emptied one', async () => {
    const first = await load();
    expect(readCondition(first.element('Flow_Approve'))).toBe('outcome = "approve"');
    first.element('Flow_Approve').conditionExpression = conditionExpression(first.moddle, 'outcome = "agree"');
    first.element('Flow_Reject').conditionExpression = conditionExpression(first.moddle, '  ');
    const { element } = await first.save();
    const expression = element('Flow_Approve').conditionExpression as { $type: string; language: string };
    expect(expression.$type).toBe('bpmn:FormalExpression');
    expect(expression.language).toBe('https://www.omg.org/spec/DMN/20191111/FEEL/');
    expect(readCondition(element('Flow_Approve'))).toBe('outcome = "agree"');
    expect(element('Flow_Reject').conditionExpression).toBeUndefined();
  });
});

describe('nextAssignee', () => {
  it('drops what no longer applies when one choice changes', () => {
    expect(nextAssignee({ role: 'main', level: 'parent' }, { role: 'initiator' })).toEqual({ role: 'initiator' });
    expect(nextAssignee({ role: 'reviewer', level: 'city', permission: 'p' }, { role: 'main' })).toEqual({ role: 'main', level: 'city' });
    expect(nextAssignee({ role: 'main', level: 'parent' }, { org: 'data:' })).toEqual({ role: 'main', org: 'data:' });
    expect(nextAssignee({ role: 'main', org: 'data:x' }, { level: 'self' })).toEqual({ role: 'main', level: 'self' });
  });
});
