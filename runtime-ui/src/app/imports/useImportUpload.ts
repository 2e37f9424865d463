import { useState } from 'react';
import { ApiError, errorMessage, isJobActive, type ImportJob, type ImportsApi } from '../../api';

/** A refused upload: a short heading and the server's own words. */
export interface Refusal {
  title: string;
  messages: string[];
}

export interface ImportUpload {
  file?: File;
  overwrite: boolean;
  busy: boolean;
  refusal?: Refusal;
  /** The answer: finished (counts, report) or still running in the background. */
  outcome?: { job: ImportJob; background: boolean };
  choose(file: File): void;
  clearFile(): void;
  setOverwrite(overwrite: boolean): void;
  start(): Promise<void>;
  /** Back to choosing a file (another import). */
  again(): void;
}

/** Headings by error code, then by status; the server's message follows as is. */
const REFUSAL_BY_CODE: Readonly<Record<string, string>> = {
  TEMPLATE_MISMATCH: '文件与当前模板不一致，未导入任何数据',
};
const REFUSAL_BY_STATUS: Readonly<Record<number, string>> = {
  413: '文件过大，未导入',
  429: '您已有导入正在进行',
};
const DEFAULT_REFUSAL = '无法导入此文件，未导入任何数据';

export const NOT_XLSX: Refusal = {
  title: '只能导入 .xlsx 格式的 Excel 文件',
  messages: ['请先下载模板，填写后保存为 .xlsx 格式再导入（.xls、.csv、.et 等格式不能导入）。'],
};

function refusalOf(error: unknown): Refusal {
  if (!(error instanceof ApiError)) return { title: DEFAULT_REFUSAL, messages: [errorMessage(error)] };
  const title = REFUSAL_BY_CODE[error.code] ?? REFUSAL_BY_STATUS[error.status] ?? DEFAULT_REFUSAL;
  return { title, messages: error.errors.map((e) => e.message) };
}

const isXlsx = (file: File): boolean => file.name.toLowerCase().endsWith('.xlsx');

/**
 * The 导入 dialog's state: one chosen .xlsx, the overwrite option, the upload. A refusal keeps the
 * chosen file so the user can fix the cause (or pick another file) and try again.
 */
export function useImportUpload(api: ImportsApi, entity: string): ImportUpload {
  const [file, setFile] = useState<File>();
  const [overwrite, setOverwrite] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const [outcome, setOutcome] = useState<ImportUpload['outcome']>();

  const choose = (chosen: File) => {
    if (!isXlsx(chosen)) { setRefusal(NOT_XLSX); return; }
    setFile(chosen);
    setRefusal(undefined);
  };
  const start = async () => {
    if (!file || busy) return;
    setBusy(true);
    setRefusal(undefined);
    try {
      const job = await api.start(entity, file, file.name, overwrite);
      setOutcome({ job, background: isJobActive(job) });
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setBusy(false);
    }
  };
  const again = () => { setOutcome(undefined); setFile(undefined); setRefusal(undefined); };
  return { file, overwrite, busy, refusal, outcome, choose, clearFile: () => setFile(undefined), setOverwrite, start, again };
}
