import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { blockRenderers, titlesOf } from './blocks.js';
import type { DocumentData, DocumentDefinition } from './types.js';

const require = createRequire(import.meta.url);
/** The CJK font shipped by an npm package (no system fonts); pdfkit embeds a subset of it. */
export const CJK_FONT_PATH = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT = 'NotoSansSC';

/** Renders a `document` definition of format `pdf`, filled with `data`, to the bytes of a PDF. */
export async function renderPdf(definition: DocumentDefinition, data: DocumentData, options: { now?: Date } = {}): Promise<Buffer> {
  if (definition.format !== 'pdf') throw new Error(`Document ${definition.key} is not a PDF template`);
  const unknown = definition.template.blocks.find((b) => !blockRenderers[b.type]);
  if (unknown) throw new Error(`Document ${definition.key}: no renderer for block type ${unknown.type}`);
  const pdf = new PDFDocument({ size: definition.template.pageSize ?? 'A4', margin: 56,
    info: { Title: definition.title, Creator: 'zjrj', ...(options.now ? { CreationDate: options.now } : {}) } });
  pdf.registerFont(FONT, CJK_FONT_PATH);
  pdf.font(FONT);
  const titles = titlesOf(definition);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  for (const block of definition.template.blocks) {
    blockRenderers[block.type]!({ pdf, block, data, titles });
    pdf.moveDown(0.3);
  }
  pdf.end();
  return done;
}
