import type { FileMeta, FileView } from '@zjrj/engine/contract';
import type { HttpClient } from './HttpClient';

export type { FileMeta, FileView };

const segment = (value: string): string => encodeURIComponent(value);

/** Attachments (`/api/files`): upload one file, read its metadata, link to its content. */
export class FilesApi {
  constructor(private readonly http: HttpClient) {}

  /** Sends the file as multipart field `file`; the engine checks its content (JPG/PNG/PDF) and size (10 MB). */
  upload(file: Blob, filename: string): Promise<FileView> {
    const body = new FormData();
    body.append('file', file, filename);
    return this.http.request('POST', '/api/files', { body });
  }

  meta(id: string): Promise<FileMeta> {
    return this.http.get(`/api/files/${segment(id)}/meta`);
  }

  /** The file's content, for an image preview or a download link (same-origin session cookie). */
  url(id: string): string {
    return this.http.urlOf(`/api/files/${segment(id)}`);
  }
}
