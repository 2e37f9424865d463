import { pageRegistry } from '../navigation';

/** The menu key of 人员信息导入管理 (the import jobs page). */
export const IMPORT_JOBS_KEY = 'hr.importJobs';

/** Where the import jobs page is (the page registry owns paths). */
export const importJobsPath = (): string => pageRegistry[IMPORT_JOBS_KEY]?.path ?? '/';
