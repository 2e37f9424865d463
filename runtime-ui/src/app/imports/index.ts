export { ImportDialog, OVERWRITE_HELP, type ImportDialogProps } from './ImportDialog';
export { ImportExportButtons, type ImportExportButtonsProps } from './ImportExportButtons';
export { ImportJobsPage } from './ImportJobsPage';
export { FinishedImport, QueuedImport, REPORT_HELP } from './ImportResult';
export { countsText, durationText, jobDuration, JOB_STATUS } from './jobLabels';
export { IMPORT_JOBS_KEY, importJobsPath } from './paths';
export { JOBS_POLL_MS, MAX_JOBS_POLL_FAILURES, useImportJobs, type ImportJobs } from './useImportJobs';
export { NOT_XLSX, useImportUpload, type ImportUpload, type Refusal } from './useImportUpload';
