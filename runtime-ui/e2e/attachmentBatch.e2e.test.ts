import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentId, HttpClient, JPEG_1X1, personData, PNG_1X1 } from '../../engine/src/testing/index.js';
import { login, NEW_PASSWORD, openBrowserRun, type BrowserRun } from './browser.js';

const NO_ID = '文件名中没有找到需要补充材料的人员的证件号码';

/** A person of 江岸区人民医院 from Hong Kong, Macao or abroad, with a 2024 probation segment imported without material. */
async function specialPerson(run: BrowserRun, clerk: HttpClient, data: Record<string, unknown>): Promise<void> {
  const person = await clerk.post('/api/data/person', { data: personData({ sex: '1', birthDate: '1995-03-01', ...data }) });
  expect(person.status, JSON.stringify(person.body)).toBe(201);
  const actor = await run.engine.engine.auth.actorForAccount((await clerk.get('/api/auth/me')).body.user.id);
  await run.engine.engine.records.createMany(actor, 'probation', [{ data: { personId: person.body.id, candidateType: 'nonFresh',
    examYear: 2024, startDate: '2023-01-01', endDate: '2024-01-31', supervisor: '李四', supervisorCertificateCode: '110420100000001' } }],
  'import');
}

async function storedMaterial(run: BrowserRun): Promise<unknown[]> {
  const { db } = run.engine.engine;
  const rows = await db.knex('records').where('entity', 'probation');
  return rows.map((row: { data: unknown }) => (db.dialect.parseJson(row.data) as Record<string, unknown>).supplementaryMaterial);
}

/**
 * 批量导入附件信息 (R-7.4, guide §5.2.4 (11) and §5.3.2) as a clerk does it: from 试用期填报 to the
 * page, 未上传 + 搜索, persons folded by department, four images dropped at once (two named with a
 * person's ID number, one without, one PNG named .jpg), the result with the reasons, thumbnails,
 * then 删除 of one person's image.
 */
describe('批量导入附件信息 in Chromium', () => {
  let run: BrowserRun;
  beforeAll(async () => {
    run = await openBrowserRun();
    const clerk = new HttpClient(run.baseUrl);
    await clerk.firstLogin('jarmyy001', NEW_PASSWORD);
    const [neike, waike] = [await departmentId(clerk, '内科'), await departmentId(clerk, '外科')];
    await specialPerson(run, clerk, { name: '陈港生', nationality: 'HKG', documentType: '06', idNumber: 'H10000001', departmentId: neike });
    await specialPerson(run, clerk, { name: '梁澳生', nationality: 'MAC', documentType: '06', idNumber: 'M30000003', departmentId: neike });
    await specialPerson(run, clerk, { name: '史密斯', nationality: 'USA', documentType: '03', idNumber: 'P20000002', departmentId: waike });
  });
  afterAll(async () => { await run?.close(); });

  it('opens from 试用期填报 and lists who needs material, folded by department', async () => {
    const { page, baseUrl } = run;
    await page.goto(`${baseUrl}/`);
    await login(page, 'jarmyy001', NEW_PASSWORD);
    await page.getByTestId('org-name').waitFor();
    await page.getByRole('menuitem', { name: '个人信息管理' }).click();
    await page.getByRole('menuitem', { name: '试用期填报' }).click();
    await page.getByRole('button', { name: '批量导入附件信息' }).click();
    const departments = page.getByTestId('attachment-batch-departments');
    await departments.getByText('内科（2 人，2 人未上传）').waitFor();
    await departments.getByText('外科（1 人，1 人未上传）').click(); // folds 外科
    await expect.poll(() => departments.getByRole('cell', { name: '史密斯' }).isVisible()).toBe(false);
    await departments.getByText('外科（1 人，1 人未上传）').click();
    await departments.getByRole('cell', { name: '史密斯' }).waitFor();
  });

  it('filters 未上传 by search', async () => {
    const { page } = run;
    await page.getByLabel('上传状态').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^未上传$/ }).click();
    await page.getByLabel('搜索').fill('陈港');
    await page.getByRole('button', { name: '搜索' }).click();
    const cells = page.getByTestId('attachment-batch-departments').locator('tbody tr.ant-table-row');
    await expect.poll(() => cells.count()).toBe(1);
    await page.getByLabel('搜索').fill('');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect.poll(() => cells.count()).toBe(3);
  });

  it('takes four images dropped at once: two matched, two reported with the reason', async () => {
    const { page } = run;
    const sent = page.waitForResponse((r) => r.url().endsWith('/api/attachment-batches/probation/files'));
    await page.locator('.ant-upload-drag input[type=file]').setInputFiles([
      { name: '陈港生_H10000001.jpg', mimeType: 'image/jpeg', buffer: JPEG_1X1 },
      { name: 'P20000002.jpg', mimeType: 'image/jpeg', buffer: JPEG_1X1 },
      { name: '补充材料.jpg', mimeType: 'image/jpeg', buffer: JPEG_1X1 },
      { name: 'M30000003.jpg', mimeType: 'image/jpeg', buffer: PNG_1X1 },
    ]);
    expect((await sent).status()).toBe(200);
    const result = page.getByTestId('attachment-batch-result');
    await result.getByText('已导入 2 个文件；2 个文件未能导入，请按下列原因修改后重新上传。').waitFor();
    expect(await result.innerText()).toContain(NO_ID);
    expect(await result.innerText()).toContain('不是 JPG 图片');
    // 未上传 is still selected: only 梁澳生 is left; 全部 shows the thumbnails.
    const rows = page.getByTestId('attachment-batch-departments').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel('上传状态').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^全部$/ }).click();
    await expect.poll(() => rows.count()).toBe(3);
    const thumbnail = page.getByRole('img', { name: '陈港生的补充材料' });
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    expect((await storedMaterial(run)).filter(Boolean)).toHaveLength(2);
    await page.screenshot({ path: '/tmp/attachment-batch.png', fullPage: true });
  });

  it('deletes one person\'s image after confirming, so it can be uploaded again', async () => {
    const { page } = run;
    await page.getByRole('button', { name: '删除史密斯的补充材料' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await page.getByText('已删除「史密斯」的补充材料').waitFor();
    const row = page.getByTestId('attachment-batch-departments').locator('tbody tr.ant-table-row').filter({ hasText: '史密斯' });
    await row.getByText('未上传').waitFor();
    expect((await storedMaterial(run)).filter(Boolean)).toHaveLength(1);
  });
});
