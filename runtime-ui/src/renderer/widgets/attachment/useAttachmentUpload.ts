import { useCallback, useState } from 'react';
import { errorMessage, type FileView } from '../../../api';
import type { FileSource } from '../../refs';
import { fileProblem, type AttachmentFormat } from './attachmentFiles';

export interface AttachmentUpload {
  uploading: boolean;
  /** Why the last file was not taken (checked here, or the server's refusal), in Chinese. */
  problem?: string;
  /** Checks and sends one file; the stored file's description, or undefined when refused. */
  send(file: File): Promise<FileView | undefined>;
}

/** Uploading files of the declared formats, one or several in parallel, with the reason of any refusal. */
export function useAttachmentUpload(files: FileSource | undefined, formats: readonly AttachmentFormat[]): AttachmentUpload {
  const [pending, setPending] = useState(0);
  const [problem, setProblem] = useState<string>();
  const send = useCallback(async (file: File) => {
    const found = files ? fileProblem(file, formats) : '附件暂时无法上传，请刷新页面后重试。';
    if (found || !files) { setProblem(found); return undefined; }
    setProblem(undefined);
    setPending((n) => n + 1);
    try {
      return await files.upload(file, file.name);
    } catch (error) {
      setProblem(`「${file.name}」上传失败：${errorMessage(error)}`);
      return undefined;
    } finally {
      setPending((n) => n - 1);
    }
  }, [files, formats]);
  return { uploading: pending > 0, problem, send };
}
