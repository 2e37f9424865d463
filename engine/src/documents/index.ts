/** `document` definitions rendered to files (R-2.4 real-name PDF): pdfkit with the Noto Sans SC font. */
export { CJK_FONT_PATH, renderPdf } from './renderPdf.js';
export { blockRenderers, type BlockContext } from './blocks.js';
export type { DocumentBlock, DocumentData, DocumentDefinition } from './types.js';
