import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NEW_PASSWORD } from './browser.js';
import { openDesignerDefinition, otherUserPage, useDesignerRun } from './designerSteps.js';

const FIELD_TITLE = '微信号';
const FIELD_ID = 'wechatId';

/** The header titles of the template's data sheet (the visible sheet whose first row has 证件号码). */
async function templateHeader(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets.find((s) => s.state === 'visible' && (s.getRow(1).values as unknown[]).includes('证件号码'));
  if (!sheet) throw new Error(`no data sheet in ${file}`);
  return (sheet.getRow(1).values as unknown[]).slice(1).map(String);
}

/**
 * The second Done-when: the system administrator adds an optional field to 人员基本信息
 * in the designer's visual editor, sees it in the live preview, publishes; the institution's person
 * form and the import template of 人员基本信息 then have it — no restart, no code.
 */
describe('定义设计器: the administrator adds a field to 人员基本信息 in Chromium', () => {
  const ctx = useDesignerRun();

  it(`adds ${FIELD_TITLE} in the visual editor and sees it in the preview`, async () => {
    const { page } = ctx.run;
    await openDesignerDefinition(ctx.run, 'sysadmin01', '实体表单', '人员基本信息');
    const editor = page.getByTestId('entity-editor');
    await editor.getByTestId('entity-preview').getByLabel('姓名').waitFor();

    await editor.getByRole('button', { name: '添加字段' }).click();
    const dialog = page.getByRole('dialog', { name: '添加字段' });
    await dialog.getByLabel('字段名称').fill(FIELD_TITLE);
    await dialog.getByLabel('字段标识').fill(FIELD_ID);
    await dialog.getByRole('button', { name: /^添\s?加$/ }).click();
    await dialog.waitFor({ state: 'detached' });

    await editor.getByTestId('entity-preview').getByLabel(FIELD_TITLE).waitFor();
    expect(await editor.getByTestId('field-panel').getByText(FIELD_ID, { exact: true }).count()).toBe(1);
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    const draft = await ctx.run.engine.engine.db.knex('definition_drafts').where({ kind: 'entity', key: 'person' }).first();
    const content = ctx.run.engine.engine.db.dialect.parseJson(draft.content) as { schema: { properties: Record<string, unknown>; required: string[] } };
    expect(content.schema.properties[FIELD_ID]).toEqual({ title: FIELD_TITLE, type: 'string', maxLength: 100 });
    expect(content.schema.required).not.toContain(FIELD_ID);
  });

  it('tells how many stored records a required field would invalidate; as optional it invalidates none; publishes', async () => {
    const { page } = ctx.run;
    const editor = page.getByTestId('entity-editor');
    const impact = editor.getByTestId('impact-panel');
    await editor.getByTestId('field-panel').getByLabel('必填', { exact: true }).check();
    await impact.getByRole('button', { name: '检查对已有记录的影响' }).click();
    await impact.getByText('1 条已有记录将不满足新定义（共 1 条）').waitFor();
    await impact.getByText(/江岸区人民医院：.*微信号/).waitFor();

    await editor.getByTestId('field-panel').getByLabel('选填').check();
    await impact.getByText('定义已修改，请重新检查').waitFor();
    await impact.getByRole('button', { name: '检查对已有记录的影响' }).click();
    await impact.getByText('已检查 1 条已有记录，全部符合新定义，可以放心发布。').waitFor();

    const dialog = page.getByRole('dialog', { name: '发布草稿' });
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await dialog.getByText(FIELD_ID).first().waitFor(); // the diff names the new field
    await dialog.getByRole('button', { name: '确认发布' }).click();
    await page.getByText(/已发布 v\d+，立即生效/).waitFor();
    const published = ctx.run.engine.engine.registry.get('entity', 'person')?.content as unknown as { schema: { properties: Record<string, unknown> } };
    expect(published.schema.properties[FIELD_ID]).toBeDefined();
  });

  it(`shows ${FIELD_TITLE} in the institution's person form and in the import template`, async () => {
    const page = await otherUserPage(ctx.run, 'jarmyy001', NEW_PASSWORD);
    await page.getByRole('menuitem', { name: '基本信息' }).click();
    await page.getByTestId('record-table').waitFor();
    await page.getByRole('button', { name: '新增' }).click();
    const drawer = page.getByTestId('record-form-drawer');
    await drawer.getByLabel(FIELD_TITLE).fill('wx_zhangsan');
    expect(await drawer.getByLabel(FIELD_TITLE).inputValue()).toBe('wx_zhangsan');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '导入' }).click();
    const dialog = page.getByRole('dialog', { name: '导入人员基本信息' });
    const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: '下载模板' }).click()]);
    const target = path.join(ctx.dir, file.suggestedFilename());
    await file.saveAs(target);
    const header = await templateHeader(target);
    expect(header).toContain(FIELD_TITLE);
    expect(header.indexOf(FIELD_TITLE)).toBe(header.length - 1);
    await page.context().close();
  });
});
