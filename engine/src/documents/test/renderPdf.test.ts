import { describe, expect, it } from 'vitest';
import { renderPdf, type DocumentDefinition } from '../index.js';

const definition = (blocks: DocumentDefinition['template']['blocks']): DocumentDefinition =>
  ({ key: 'sample', title: '样例', format: 'pdf', fields: [{ name: 'name', title: '姓名' }], template: { pageSize: 'A5', blocks } });

describe('renderPdf', () => {
  it('renders every block type with the embedded, subset CJK font', async () => {
    const bytes = await renderPdf(definition([
      { type: 'heading', text: '申请表 {name}' }, { type: 'paragraph', text: '说明' }, { type: 'field', name: 'name' },
      { type: 'table', fields: ['name'] }, { type: 'image', caption: '照片' }, { type: 'signature', lines: ['盖章：'] }, { type: 'spacer' },
    ]), { name: '张三' });
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC/);
    expect(bytes.length).toBeLessThan(200_000);
  });

  it('refuses a block type it has no renderer for, and a non-PDF template', async () => {
    await expect(renderPdf(definition([{ type: 'chart' }]), {})).rejects.toThrow(/chart/);
    await expect(renderPdf({ ...definition([]), format: 'xlsx' }, {})).rejects.toThrow(/not a PDF/);
  });
});
