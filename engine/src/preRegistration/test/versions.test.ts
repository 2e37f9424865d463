import { beforeAll, describe, expect, it } from 'vitest';
import { action, flow, processXml } from '../../workflow/test/bpmn.js';
import { publishProcess } from '../../workflow/runtime/test/workflowFixture.js';
import { testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';
import { candidates, decide, readyPerson, reviewTask, submit, touchPerson } from './fixture.js';

const review = (id: string, name: string, level: string) => `<bpmn:userTask id="${id}" name="${name}"><bpmn:extensionElements>`
  + `<zj:assignee role="main" level="${level}" /><zj:form view="candidateList" /></bpmn:extensionElements></bpmn:userTask>`;
const approve = 'outcome = &quot;approve&quot;';
const reject = 'outcome = &quot;reject&quot;';

/** Version 2 of `preRegistration`: after the district accepts, the city bureau reviews too (a BPMN change, no code). */
const withCityReview = processXml([
  '<bpmn:startEvent id="Start_Submitted" />', review('Task_DistrictReview', '区县卫生健康局审核', 'district'),
  '<bpmn:exclusiveGateway id="Gateway_Outcome" />', review('Task_CityReview', '市卫生健康委复核', 'city'),
  '<bpmn:exclusiveGateway id="Gateway_City" />',
  `<bpmn:serviceTask id="Service_Accept">${action('preRegistration.accept')}</bpmn:serviceTask>`,
  `<bpmn:serviceTask id="Service_Return">${action('preRegistration.return')}</bpmn:serviceTask>`,
  '<bpmn:endEvent id="End_Accepted" />', '<bpmn:endEvent id="End_Returned" />',
  flow('F1', 'Start_Submitted', 'Task_DistrictReview'), flow('F2', 'Task_DistrictReview', 'Gateway_Outcome'),
  flow('F3', 'Gateway_Outcome', 'Task_CityReview', approve), flow('F4', 'Gateway_Outcome', 'Service_Return', reject),
  flow('F5', 'Task_CityReview', 'Gateway_City'), flow('F6', 'Gateway_City', 'Service_Accept', approve),
  flow('F7', 'Gateway_City', 'Service_Return', reject), flow('F8', 'Service_Accept', 'End_Accepted'), flow('F9', 'Service_Return', 'End_Returned'),
].join('\n'));

describe.each(testDatabases())('pre-registration process versions (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let renmin: HttpClient;
  let district: HttpClient;
  let city: HttpClient;
  let early: string;
  let late: string;

  beforeAll(async () => {
    [renmin, district, city] = [ctx.engine.client(), ctx.engine.client(), ctx.engine.client()];
    await Promise.all([renmin.firstLogin('jarmyy001'), district.firstLogin('jawjj0001'), city.firstLogin('whwjw0001')]);
    early = await readyPerson(renmin, '钱早');
    late = await readyPerson(renmin, '钱晚');
  });

  it('finishes a batch submitted before a new version on the old one; a batch submitted after needs the city review too', async () => {
    const { engine } = ctx.engine;
    const instanceOf = async (submission: { instanceId: string }) => (await engine.workflow.repository.getInstance(submission.instanceId))!;
    const before = await submit(renmin, [early]);
    const v1 = (await instanceOf(before)).processVersion;
    expect(await publishProcess(engine, 'preRegistration', withCityReview)).toBe(v1 + 1);
    const after = await submit(renmin, [late]);
    expect((await instanceOf(after)).processVersion).toBe(v1 + 1);

    // The old version: the district's acceptance ends it.
    expect((await decide(district, before.id, { outcome: 'approve' })).status).toBe(200);
    expect((await instanceOf(before)).status).toBe('completed');
    expect((await candidates(renmin)).get(early)!.status).toBe('accepted');
    expect(await reviewTask(city, before.id)).toBeUndefined();

    // The new version: after the district, the city reviews; the candidate stays under review and locked meanwhile.
    expect((await decide(district, after.id, { outcome: 'approve', comment: '区级审核通过' })).status).toBe(200);
    expect((await instanceOf(after)).status).toBe('running');
    expect(await reviewTask(district, after.id)).toBeUndefined();
    expect((await candidates(renmin)).get(late)!.status).toBe('reviewing');
    expect((await touchPerson(renmin, late)).status).toBe(423);
    const cityTask = await reviewTask(city, after.id);
    expect(cityTask).toMatchObject({ processKey: 'preRegistration', form: { view: 'candidateList' } });
    expect((await city.get(`/api/pre-registration/submissions/${after.id}`)).status).toBe(200);
    expect((await decide(city, after.id, { outcome: 'approve' })).status).toBe(200);
    expect((await instanceOf(after)).status).toBe('completed');
    expect((await candidates(renmin)).get(late)!.status).toBe('accepted');
  });
});
