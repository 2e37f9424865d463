import type PDFDocument from 'pdfkit';
import type { DocumentBlock, DocumentData, DocumentDefinition } from './types.js';

type Pdf = InstanceType<typeof PDFDocument>;

/** What a block renderer gets: the open PDF, the block, the data and the field titles. */
export interface BlockContext {
  pdf: Pdf;
  block: DocumentBlock;
  data: DocumentData;
  titles: ReadonlyMap<string, string>;
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const num = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
/** `{field}` in a block's text is replaced by the field's value. */
const fill = (template: unknown, data: DocumentData) => text(template).replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_m, name: string) => text(data[name]));
const contentWidth = (pdf: Pdf) => pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;

function labelledRows(context: BlockContext, names: string[]): void {
  const { pdf, data, titles } = context;
  const left = pdf.page.margins.left;
  const width = contentWidth(pdf);
  const labelWidth = 120;
  const rowHeight = 28;
  for (const name of names) {
    const y = pdf.y;
    pdf.rect(left, y, labelWidth, rowHeight).stroke();
    pdf.rect(left + labelWidth, y, width - labelWidth, rowHeight).stroke();
    pdf.fontSize(12).text(titles.get(name) ?? name, left + 8, y + 8, { width: labelWidth - 16 });
    pdf.text(text(data[name]), left + labelWidth + 8, y + 8, { width: width - labelWidth - 16 });
    pdf.x = left;
    pdf.y = y + rowHeight;
  }
}

/** One renderer per block type (a registry: a new type is one entry, no switch). */
export const blockRenderers: Record<string, (context: BlockContext) => void> = {
  heading: ({ pdf, block, data }) => {
    pdf.fontSize(num(block.size, 20)).text(fill(block.text, data), { align: 'center' });
  },
  paragraph: ({ pdf, block, data }) => {
    pdf.fontSize(num(block.size, 12)).text(fill(block.text, data), { align: 'left' });
  },
  field: ({ pdf, block, data, titles }) => {
    const name = text(block.name);
    pdf.fontSize(num(block.size, 12)).text(`${titles.get(name) ?? name}：${text(data[name])}`);
  },
  table: (context) => labelledRows(context, Array.isArray(context.block.fields) ? context.block.fields.map(text) : []),
  signature: ({ pdf, block }) => {
    const left = pdf.page.margins.left;
    const top = pdf.y;
    const height = num(block.height, 120);
    pdf.rect(left, top, contentWidth(pdf), height).stroke();
    const lines = Array.isArray(block.lines) ? block.lines.map(text) : [];
    lines.forEach((line, i) => pdf.fontSize(12).text(line, left + 12, top + 12 + i * 36));
    pdf.x = left;
    pdf.y = top + height;
  },
  image: ({ pdf, block }) => { // a frame to paste a photo into (the template names no image source)
    const left = pdf.page.margins.left;
    const top = pdf.y;
    pdf.rect(left, top, num(block.width, 160), num(block.height, 100)).stroke();
    pdf.fontSize(10).text(text(block.caption), left + 8, top + 8);
    pdf.x = left;
    pdf.y = top + num(block.height, 100);
  },
  spacer: ({ pdf, block }) => { pdf.y += num(block.height, 12); },
};

export function titlesOf(definition: DocumentDefinition): Map<string, string> {
  return new Map((definition.fields ?? []).map((f) => [f.name, f.title]));
}
