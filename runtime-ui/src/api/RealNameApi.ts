import type { FileView, RealNameForm } from '@zjrj/engine/contract';
import type { HttpClient } from './HttpClient';

export type RealNameApplicationStatus = 'draft' | 'submitted' | 'approved' | 'rejected';

/** The real-name form (R-2.4, the engine's own type); the image ids name uploads through `upload`. */
export type RealNameData = RealNameForm;

export interface RealNameApplication {
  id: string;
  status: RealNameApplicationStatus;
  data: RealNameData;
  scanFileId: string | null;
  /** The review's workflow instance, once submitted. */
  instanceId: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  updatedAt: string;
  version: number;
}

/** The applicant's own application, and whether the reviewer sent it back for changes. */
export interface RealNameState { application: RealNameApplication | null; sentBack: boolean }

/**
 * 实名认证 (`/api/real-name`): the applicant's routes, open before the verification is approved:
 * the form, its PDF, photo and scan uploads, the submission into the review.
 */
export class RealNameApi {
  constructor(private readonly http: HttpClient) {}

  mine(): Promise<RealNameState> {
    return this.http.get('/api/real-name');
  }

  /** Saves the form (422 with a path per problem); refused with 409 while under review or approved. */
  async save(data: RealNameData): Promise<RealNameApplication> {
    return (await this.http.put<{ application: RealNameApplication }>('/api/real-name', { data })).application;
  }

  /** The filled 实名认证申请表 as a PDF download (404 before the first save). */
  pdfUrl(): string {
    return this.http.urlOf('/api/real-name/pdf');
  }

  /** An ID card photo (JPG/PNG) or the stamped scan (JPG/PNG/PDF), as multipart field `file`. */
  upload(file: Blob, filename: string): Promise<FileView> {
    const body = new FormData();
    body.append('file', file, filename);
    return this.http.request('POST', '/api/real-name/files', { body });
  }

  /** Submits the saved form with the scan into the review (or resubmits a sent-back one). */
  async submit(scanFileId: string): Promise<RealNameApplication> {
    return (await this.http.post<{ application: RealNameApplication }>('/api/real-name/submit', { scanFileId })).application;
  }
}
