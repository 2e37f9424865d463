export { guardXlsx } from './guard.js';
export { importLayout, layoutChecksum } from './layout.js';
export { neutralise } from './neutralise.js';
export { countDataRows, readImportRows } from './read.js';
export { createReportWriter, writeExport, writeTemplate, type ReportWriter } from './writers.js';
export { TEMPLATE_ROWS } from './dataSheet.js';
export * from './types.js';
