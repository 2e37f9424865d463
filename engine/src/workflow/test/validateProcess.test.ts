import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../config/index.js';
import { parseProcess, ProcessParseError, readProcess, validateProcess, workflowActionNames, type ProcessProblem } from '../index.js';
import { action, definitions, flow, processXml, review } from './bpmn.js';

const context = { actions: workflowActionNames };
const problemsOf = async (xml: string): Promise<ProcessProblem[]> => (await readProcess(xml, context)).problems;
const shippedDir = path.join(repoRoot, 'definitions/processes');

describe('shipped processes', () => {
  it.each(['realNameReview', 'institutionChange', 'preRegistration', 'personTransfer'])('%s parses and validates', async (key) => {
    const content = JSON.parse(fs.readFileSync(path.join(shippedDir, `${key}.json`), 'utf8'));
    expect(content).toMatchObject({ kind: 'process', key });
    expect(content.bpmn).toContain('<bpmndi:BPMNDiagram');
    expect(await problemsOf(content.bpmn)).toEqual([]);
  });

  it('reads assignment, forms, actions and FEEL conditions of realNameReview', async () => {
    const { bpmn } = JSON.parse(fs.readFileSync(path.join(shippedDir, 'realNameReview.json'), 'utf8'));
    const model = await parseProcess(bpmn);
    expect(model.nodes.Task_BureauReview).toMatchObject({ type: 'bpmn:UserTask', assignee: { role: 'main', level: 'parent' },
      form: { view: 'realNameReview' }, incoming: ['Flow_ToBureau'], outgoing: ['Flow_BureauDone'] });
    expect(model.nodes.Task_InstitutionReview?.assignee).toEqual({ role: 'main', level: 'self' });
    expect(model.nodes.Task_Resubmit?.assignee).toEqual({ role: 'initiator' });
    expect(model.nodes.Service_Approve?.action).toBe('realName.approve');
    expect(model.nodes.Gateway_Reviewer?.defaultFlow).toBe('Flow_ToInstitution');
    expect(model.flows.Flow_SendBack).toMatchObject({ source: 'Gateway_Outcome', target: 'Task_Resubmit',
      condition: { body: 'outcome = "sendBack"', type: 'bpmn:FormalExpression' } });
  });
});

describe('refusals name the element and say why, in Chinese', () => {
  it('accepts the base process of these tests', async () => {
    expect(await problemsOf(review())).toEqual([]);
  });

  it.each([
    ['bpmn:ScriptTask', '<bpmn:scriptTask id="Apply" />', 'apply', '元素「Apply」（bpmn:ScriptTask）不受支持：引擎不执行脚本'],
    ['bpmn:InclusiveGateway', '<bpmn:inclusiveGateway id="Outcome" />', 'gateway', '元素「Outcome」（bpmn:InclusiveGateway）不受支持：不支持包容网关'],
    ['bpmn:SubProcess', '<bpmn:subProcess id="Apply" />', 'apply', '元素「Apply」（bpmn:SubProcess）不受支持：不支持子流程'],
    ['timer start', '<bpmn:startEvent id="Start"><bpmn:timerEventDefinition /></bpmn:startEvent>', 'start',
      '元素「Start」（bpmn:StartEvent）不受支持：带 bpmn:TimerEventDefinition 的事件不受支持'],
  ] as const)('refuses %s', async (_name, element, slot, message) => {
    const problems = await problemsOf(review({ [slot]: element }));
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining(message)]);
    expect(problems[0]!.elementId).toBe(slot === 'gateway' ? 'Outcome' : slot === 'start' ? 'Start' : 'Apply');
  });

  it('refuses a boundary event (and what only it reaches)', async () => {
    const problems = await problemsOf(review({}, `<bpmn:boundaryEvent id="Timeout" attachedToRef="Review"><bpmn:timerEventDefinition /></bpmn:boundaryEvent>
      ${flow('FT', 'Timeout', 'EndRejected')}`));
    expect(problems.map((p) => p.message)).toEqual([
      '元素「Timeout」（bpmn:BoundaryEvent）不受支持：不支持边界事件（超时、错误、消息等）',
      '元素「Timeout」（bpmn:BoundaryEvent）从开始事件无法到达：请用顺序流把它接入流程，或删除它',
    ]);
  });

  it('refuses an action no engine handler is registered for', async () => {
    const problems = await problemsOf(review({ apply: `<bpmn:serviceTask id="Apply">${action('institutionChange.aply')}</bpmn:serviceTask>` }));
    expect(problems).toEqual([{ elementId: 'Apply', message: expect.stringMatching(
      /^元素「Apply」（bpmn:ServiceTask）的引擎动作「institutionChange\.aply」未注册，可用的动作：realName\.approve、/) }]);
    expect(await problemsOf(review({ apply: '<bpmn:serviceTask id="Apply" />' }))).toEqual([{ elementId: 'Apply',
      message: '元素「Apply」（bpmn:ServiceTask）没有指定引擎动作：请在扩展元素中加入 <zj:action name="…"/>' }]);
  });

  it('refuses a FEEL syntax error with the flow id and the position', async () => {
    const problems = await problemsOf(review({ fApprove: flow('FApprove', 'Outcome', 'Apply', 'outcome = &quot;approve&quot; and') }));
    expect(problems).toEqual([{ elementId: 'FApprove', message:
      '元素「FApprove」（bpmn:SequenceFlow）的条件不是有效的 FEEL 表达式（第 24 个字符）：FEEL 语法错误：Incomplete <Conjunction>' }]);
  });

  it('refuses a condition reading an undeclared variable, with its position', async () => {
    const problems = await problemsOf(review({ fApprove: flow('FApprove', 'Outcome', 'Apply', 'result = &quot;approve&quot;') }));
    expect(problems).toEqual([{ elementId: 'FApprove', message:
      '元素「FApprove」（bpmn:SequenceFlow）的条件使用了未知的变量「result」（第 1 个字符），可用的变量：outcome、comment、initiator、data' }]);
  });

  it('refuses an unreachable node and a dead end', async () => {
    const problems = await problemsOf(review({ f3: '' }, `<bpmn:userTask id="Orphan">${'<bpmn:extensionElements><zj:assignee role="initiator" /></bpmn:extensionElements>'}</bpmn:userTask>
      ${flow('FO', 'Orphan', 'EndApplied')}`));
    expect(problems.map((p) => p.message)).toEqual([
      '元素「Apply」（bpmn:ServiceTask）无法到达任何结束事件（流程会停在这里）：请补上通往结束事件的顺序流',
      '元素「EndApplied」（bpmn:EndEvent）从开始事件无法到达：请用顺序流把它接入流程，或删除它',
      '元素「Orphan」（bpmn:UserTask）从开始事件无法到达：请用顺序流把它接入流程，或删除它',
    ]);
  });

  it('refuses a user task without assignee, or with an unknown level', async () => {
    expect(await problemsOf(review({ review: '<bpmn:userTask id="Review" />' }))).toEqual([{ elementId: 'Review', message:
      '元素「Review」（bpmn:UserTask）没有指定处理人：请在扩展元素中加入 <zj:assignee role="main" level="parent"/> 之类的声明' }]);
    const wrongLevel = '<bpmn:userTask id="Review"><bpmn:extensionElements><zj:assignee role="main" level="county" /></bpmn:extensionElements></bpmn:userTask>';
    expect((await problemsOf(review({ review: wrongLevel }))).map((p) => p.message)).toEqual([
      '元素「Review」（bpmn:UserTask）处理人层级「county」无效，应为 self、parent、district、city、province 之一']);
  });

  it('assigns by an organisation named in the instance data (org="data:<field>"), instead of a level', async () => {
    const byData = (attributes: string) => review({ review: `<bpmn:userTask id="Review"><bpmn:extensionElements><zj:assignee ${attributes} /></bpmn:extensionElements></bpmn:userTask>` });
    const model = await parseProcess(byData('role="main" org="data:releasingOrgId"'));
    expect(model.nodes.Review?.assignee).toEqual({ role: 'main', org: 'data:releasingOrgId' });
    expect(validateProcess(model, context)).toEqual([]);
    expect((await problemsOf(byData('role="main" org="releasingOrgId"'))).map((p) => p.message)).toEqual([
      '元素「Review」（bpmn:UserTask）处理机构 org「releasingOrgId」无效，应写成 data:字段名（如 data:releasingOrgId，字段在发起流程时写入机构编号）']);
    expect((await problemsOf(byData('role="main" level="parent" org="data:x"'))).map((p) => p.message)).toEqual([
      '元素「Review」（bpmn:UserTask）level 与 org 只能写一个：level 相对发起人所在机构，org 取流程数据中的机构']);
    expect((await problemsOf(byData('role="initiator" org="data:x"'))).map((p) => p.message)).toEqual([
      '元素「Review」（bpmn:UserTask）处理人为发起人本人（role="initiator"）时不能再写 level 或 org']);
  });

  it('refuses an exclusive split whose flows lack conditions, unless the one without is the default', async () => {
    const bare = { fApprove: flow('FApprove', 'Outcome', 'Apply'), fReject: flow('FReject', 'Outcome', 'EndRejected') };
    expect((await problemsOf(review(bare))).map((p) => p.message)).toEqual([
      '元素「Outcome」（bpmn:ExclusiveGateway）有 2 条流出顺序流没有条件（FApprove、FReject）：最多一条可以没有条件，且须设为默认顺序流']);
    const oneBare = { fReject: flow('FReject', 'Outcome', 'EndRejected') };
    expect((await problemsOf(review(oneBare))).map((p) => p.message)).toEqual([
      '元素「Outcome」（bpmn:ExclusiveGateway）的流出顺序流「FReject」没有条件：请给它加上条件，或把它设为网关的默认顺序流']);
    expect(await problemsOf(review({ ...oneBare, gateway: '<bpmn:exclusiveGateway id="Outcome" default="FReject" />' }))).toEqual([]);
  });

  it('refuses a condition outside an exclusive split', async () => {
    expect((await problemsOf(review({ f1: flow('F1', 'Start', 'Review', 'true') }))).map((p) => p.message)).toEqual([
      '元素「F1」（bpmn:SequenceFlow）有条件，但条件只能写在排他网关的多条流出顺序流上']);
  });

  it('refuses duplicate ids, two processes and extension elements in the wrong place', async () => {
    expect((await problemsOf(review({ endApplied: '<bpmn:endEvent id="Review" />' }))).map((p) => p.message)[0])
      .toMatch(/^编号「Review」重复（第 \d+ 行第 \d+ 列），每个元素的编号必须唯一/);
    const two = definitions('<bpmn:process id="A" /><bpmn:process id="B" />');
    expect((await problemsOf(two)).map((p) => p.message)).toContain('一个定义只能包含一个流程，文件中有 2 个：A、B');
    const misplaced = review({ start: `<bpmn:startEvent id="Start">${action('realName.approve')}</bpmn:startEvent>` });
    expect((await problemsOf(misplaced)).map((p) => p.message)).toEqual([
      '元素「Start」（bpmn:StartEvent）的扩展元素 zj:Action 不起作用：它只能用在 bpmn:ServiceTask 上']);
  });

  it('refuses text that is not BPMN at all', async () => {
    await expect(parseProcess('<html></html>')).rejects.toBeInstanceOf(ProcessParseError);
    expect(await problemsOf('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">')).toEqual([
      { message: 'BPMN 内容无法读取：应为完整的 BPMN 2.0 XML，根元素为 bpmn:definitions，且每个标签都已闭合' }]);
  });

  it('checks form references when told what exists', async () => {
    const model = await parseProcess(processXml(`<bpmn:startEvent id="S" />${flow('F', 'S', 'T')}
      <bpmn:userTask id="T"><bpmn:extensionElements><zj:assignee role="initiator" /><zj:form entity="nosuch" /></bpmn:extensionElements></bpmn:userTask>
      ${flow('G', 'T', 'E')}<bpmn:endEvent id="E" />`));
    expect(validateProcess(model, { ...context, exists: () => false })).toEqual([{ elementId: 'T',
      message: '元素「T」（bpmn:UserTask）的 zj:form 引用的实体「nosuch」不存在' }]);
    expect(validateProcess(model, context)).toEqual([]);
  });
});
