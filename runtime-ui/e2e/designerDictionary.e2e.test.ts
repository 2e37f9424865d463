import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NEW_PASSWORD } from './browser.js';
import { openDesignerDefinition, otherUserPage, publishDraft, useDesignerRun } from './designerSteps.js';

const PERSON = '巴特尔';

/**
 * 字典 in the designer: the province bureau disables 蒙古族 in 民族, takes the items out to
 * Excel and back, publishes; the institution's old record still reads 蒙古族 (marked 已停用), which
 * can no longer be chosen.
 */
describe('定义设计器: a bureau disables a dictionary item in Chromium', () => {
  const ctx = useDesignerRun({ name: PERSON, nation: '02' });

  it('disables 蒙古族, exports the items to Excel and imports the file back', async () => {
    const { page } = ctx.run;
    await openDesignerDefinition(ctx.run, 'hbwjw0001', '字典', '民族');
    const editor = page.getByTestId('dictionary-editor');
    await editor.getByText('停用后已有记录仍可显示，但不能再选择').waitFor();
    await editor.getByLabel('启用 02').click();
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), editor.getByRole('link', { name: /导出 Excel/ }).click()]);
    const file = path.join(ctx.dir, download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const rows: unknown[][] = [];
    workbook.getWorksheet('字典项')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]!.slice(0, 4)).toEqual(['编码', '名称', '排序', '状态']);
    expect(rows.find((r) => r[0] === '02')!.slice(0, 4)).toEqual(['02', '蒙古族', 2, '停用']);

    await editor.locator('input[type="file"]').setInputFiles(file);
    await editor.getByText(`已从文件读入 ${rows.length - 1} 项，替换了草稿中的字典项（尚未发布）。`).waitFor();
  });

  it('publishes: the version in force has 蒙古族 disabled', async () => {
    const { page } = ctx.run;
    await publishDraft(page);
    expect(ctx.run.engine.engine.registry.dictionary('nation')?.byCode.get('02')?.enabled).toBe(false);
  });

  it(`still shows ${PERSON}'s 蒙古族 in the institution's form, as disabled`, async () => {
    const page = await otherUserPage(ctx.run, 'jarmyy001', NEW_PASSWORD);
    await page.getByRole('menuitem', { name: '基本信息' }).click();
    const row = page.getByTestId('record-table').locator('tbody tr').filter({ hasText: PERSON });
    await row.getByRole('button', { name: '修改' }).click();
    const drawer = page.getByTestId('record-form-drawer');
    await drawer.getByTitle('蒙古族（已停用）').waitFor();
    await drawer.getByLabel('民族').click();
    await page.locator('.ant-select-item-option-disabled').filter({ hasText: '蒙古族（已停用）' }).waitFor();
    await page.context().close();
  });
});
