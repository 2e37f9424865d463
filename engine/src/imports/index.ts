export { ImportJobHandler, type ImportJobDeps, type ImportParams } from './ImportJobHandler.js';
export { ImportService, SYNC_ROW_LIMIT, type ImportServiceDeps, type WorkbookDownload } from './ImportService.js';
