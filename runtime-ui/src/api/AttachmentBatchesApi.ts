import type {
  AttachmentBatchItem, AttachmentBatchList, AttachmentBatchStatus, AttachmentBatchUpload,
} from '@zjrj/engine/contract';
import type { HttpClient } from './HttpClient';

export type { AttachmentBatchItem, AttachmentBatchList, AttachmentBatchStatus, AttachmentBatchUpload };

export interface AttachmentBatchQuery {
  examYear?: number;
  status?: AttachmentBatchStatus;
  departmentId?: string;
  /** Part of a name or department name, or a whole ID number. */
  q?: string;
}

const segment = (value: string): string => encodeURIComponent(value);

/** 批量导入附件信息 (`/api/attachment-batches/:entity`): who needs the attachment, many files at once, removal. */
export class AttachmentBatchesApi {
  constructor(private readonly http: HttpClient) {}

  list(entity: string, query: AttachmentBatchQuery = {}): Promise<AttachmentBatchList> {
    return this.http.get(`/api/attachment-batches/${segment(entity)}`, { ...query });
  }

  /** All files in one multipart request (field `file`, repeated); the engine matches each by the ID number in its name. */
  upload(entity: string, examYear: number, files: ReadonlyArray<{ file: Blob; name: string }>): Promise<AttachmentBatchUpload> {
    const body = new FormData();
    body.append('examYear', String(examYear));
    for (const { file, name } of files) body.append('file', file, name);
    return this.http.request('POST', `/api/attachment-batches/${segment(entity)}/files`, { body });
  }

  /** Clears the person's attachment of the year, so it can be uploaded again. */
  remove(entity: string, personId: string, examYear: number): Promise<void> {
    return this.http.request('DELETE', `/api/attachment-batches/${segment(entity)}/${segment(personId)}`, { query: { examYear } });
  }
}
