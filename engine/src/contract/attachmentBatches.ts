/**
 * 批量导入附件信息: the persons whom a rule asks an attachment of (港澳台及外籍人员的补充材料),
 * and many files uploaded at once, each matched to its person by the ID number in its file name.
 */
import type { EntityAttachmentBatchDeclaration } from '../definitions/index.js';

export type { EntityAttachmentBatchDeclaration };

export type AttachmentBatchStatus = 'missing' | 'uploaded';

/** One person needing the attachment in the exam year. */
export interface AttachmentBatchItem {
  personId: string;
  name: string;
  /** The ID number masked (`420102********1234`). */
  idNumberMasked: string;
  departmentId: string | null;
  departmentName: string | null;
  /** `uploaded` when one of the person's records of the year has the attachment. */
  status: AttachmentBatchStatus;
  fileId: string | null;
  /** The person's records of the year (the attachment is set on all of them). */
  recordIds: string[];
}

/** `GET /api/attachment-batches/:entity?examYear=&status=&departmentId=&q=`. */
export interface AttachmentBatchList {
  /** The year listed: the one asked for, else the newest of `years` (null when there is none). */
  examYear: number | null;
  /** Exam years whose rule set holds the rule, newest first. */
  years: number[];
  items: AttachmentBatchItem[];
}

/** `POST /api/attachment-batches/:entity/files` (multipart: many `file`, field `examYear`). */
export interface AttachmentBatchUpload {
  matched: Array<{ fileName: string; personId: string; name: string }>;
  /** Files that were not stored, each with why in words. */
  unmatched: Array<{ fileName: string; reason: string }>;
}
