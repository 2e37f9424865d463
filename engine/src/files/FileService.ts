import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { Actor } from '../access/index.js';
import { maskIdNumbersDeep, writeAudit } from '../audit/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { FileSweepConfig } from '../config/index.js';
import type { Database } from '../db/index.js';
import { AppError, BadRequestError, NotFoundError, PayloadTooLargeError, ValidationError } from '../errors/index.js';
import { newId } from '../ids/index.js';
import type { Logger } from '../log/index.js';
import { applyReadScope } from '../records/scope.js';
import { cleanContent, DEFAULT_CONTENT_LIMITS, PixelBudget, type CleanContext, type ContentLimits } from './content/index.js';
import { safeFilename } from './filename.js';
import { newStorageKey, type FileStorage } from './FileStorage.js';
import { FileSweeper } from './FileSweeper.js';
import { acceptedFormats, sniffMediaType, type MediaType } from './sniff.js';

/** Largest accepted upload: 10 MB (MiB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** What an upload answers (`POST /api/files`). */
export interface FileView { id: string; filename: string; mediaType: MediaType; size: number }
/** What `GET /api/files/:id/meta` answers. */
export interface FileMeta extends FileView { createdAt: string }
export interface OpenedFile { filename: string; mediaType: MediaType; bytes: Buffer }

export interface FileServiceDeps {
  db: Database; storage: FileStorage; clock: Clock; logger: Logger; sweep: FileSweepConfig;
  /** Limits on the content of uploads (UPLOAD_MAX_PIXELS); the defaults when absent. */
  limits?: ContentLimits;
}

interface FileRow {
  id: string; org_id: string; filename: string; media_type: MediaType; size: number | string; sha256: string;
  storage_key: string; created_at: string; created_by: string | null;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const view = (row: FileRow): FileView => ({ id: row.id, filename: row.filename, mediaType: row.media_type, size: Number(row.size) });
const meta = (row: FileRow): FileMeta => ({ ...view(row), createdAt: row.created_at });
const notFound = () => new NotFoundError('该附件不存在，或您无权查看。');
/** 413 for a file over MAX_FILE_BYTES (also thrown by the route when the declared length shows it). */
export const fileTooLarge = () => new PayloadTooLargeError('文件不能超过 10 MB，请压缩或缩小后重新上传。');

/**
 * Whether a file may be attached to a record of an organisation: it exists and belongs to it.
 * Returns the problem in words, or undefined, so a caller can report it under the field's path.
 */
export async function fileProblem(db: Knex | Knex.Transaction, orgId: string, id: unknown): Promise<string | undefined> {
  if (typeof id !== 'string' || id === '' || id.length > 36) return '附件标识不正确，请重新上传附件。';
  const row = await db('files').where({ id, org_id: orgId }).first('id') as { id: string } | undefined;
  return row ? undefined : '附件不存在或不属于本单位，请重新上传附件。';
}

/**
 * Attachments: checked by content, size-limited, stored through a `FileStorage`, and read only
 * within org scope — the owning institution and the bureaus above it; anyone else gets 404. The
 * system administrator, who reads no personal data (decision 0003), sees only its own uploads.
 * Bytes are written before their row commits, so a row never points at missing bytes; what a
 * crash leaves over is removed by the `sweeper` (FileSweeper.ts), which `start()` schedules.
 */
export class FileService {
  readonly sweeper: FileSweeper;
  /** The pixels this engine may be decoding at once (UPLOAD_DECODE_BUDGET_PIXELS). */
  readonly decodeBudget: PixelBudget;
  private readonly content: CleanContext;

  constructor(private readonly deps: FileServiceDeps) {
    this.sweeper = new FileSweeper({ db: deps.db, storage: deps.storage, clock: deps.clock, logger: deps.logger, config: deps.sweep });
    const limits = deps.limits ?? DEFAULT_CONTENT_LIMITS;
    this.decodeBudget = new PixelBudget(limits.decodeBudgetPixels);
    this.content = { limits, budget: this.decodeBudget };
  }

  /** Schedules the orphan sweep (the engine's start). */
  start(): void {
    this.sweeper.start();
  }

  /** Stops the sweep and releases the storage's connections (the engine's close). */
  async stop(): Promise<void> {
    await this.sweeper.stop();
    this.deps.storage.close?.();
  }

  /**
   * Stores an upload under a fresh random key: images re-encoded (no metadata, nothing appended
   * survives), PDFs checked for active content; the client's name only as sanitised metadata.
   */
  async upload(actor: Actor, input: { filename: string; bytes: Buffer }): Promise<FileView> {
    const mediaType = checkContent(input.bytes);
    const bytes = await cleanContent(mediaType, input.bytes, this.content);
    const row: FileRow = { id: newId(), org_id: actor.orgId, filename: safeFilename(input.filename, mediaType),
      media_type: mediaType, size: bytes.length, sha256: sha256(bytes), storage_key: newStorageKey(),
      created_at: isoNow(this.deps.clock), created_by: actor.accountId };
    await this.deps.storage.put(row.storage_key, bytes);
    try {
      await this.deps.db.knex.transaction(async (trx) => {
        await trx('files').insert(row);
        await writeAudit(trx, actor, { action: 'file.upload', recordId: row.id, details: maskIdNumbersDeep({
          filename: row.filename, mediaType, size: row.size, sha256: row.sha256 }) as Record<string, unknown> }, row.created_at);
      });
    } catch (error) {
      // Best effort: after a crash here instead, the sweep removes the bytes as stray.
      await this.deps.storage.delete(row.storage_key).catch(() => undefined);
      throw error;
    }
    return view(row);
  }

  /** The file's bytes, after the scope check; bytes that no longer match their checksum are an error. */
  async open(actor: Actor, id: string): Promise<OpenedFile> {
    const row = await this.visibleOr404(actor, id);
    const bytes = await this.deps.storage.get(row.storage_key);
    if (sha256(bytes) !== row.sha256) throw new Error(`Stored file ${row.id} does not match its SHA-256`);
    return { filename: row.filename, mediaType: row.media_type, bytes };
  }

  async describe(actor: Actor, id: string): Promise<FileMeta> {
    return meta(await this.visibleOr404(actor, id));
  }

  /** For record writes: throws a 422 naming `path` unless the file exists and belongs to `orgId`. */
  async assertUsable(orgId: string, id: unknown, path = ''): Promise<void> {
    const problem = await fileProblem(this.deps.db.reader, orgId, id);
    if (problem) throw new ValidationError([{ code: 'file', message: problem, path }]);
  }

  private async visibleOr404(actor: Actor, id: string): Promise<FileRow> {
    const query = applyReadScope(this.deps.db.reader('files').where('files.id', id), actor, 'files.org_id');
    if (isSystemAdministrator(actor)) void query.where('files.created_by', actor.accountId);
    const row = await query.first('files.*') as FileRow | undefined;
    if (!row) throw notFound();
    return row;
  }
}

const isSystemAdministrator = (actor: Actor) => actor.roles.length > 0 && actor.roles.every((role) => role === 'system-admin');

/** The real media type of acceptable bytes; the size limit first, so oversized bodies are not scanned. */
function checkContent(bytes: Buffer): MediaType {
  if (bytes.length > MAX_FILE_BYTES) throw fileTooLarge();
  if (bytes.length === 0) throw new BadRequestError('上传的文件是空的，请重新选择文件。', 'EMPTY_FILE');
  const mediaType = sniffMediaType(bytes);
  if (!mediaType) {
    throw new AppError(415, [{ code: 'UNSUPPORTED_MEDIA_TYPE',
      message: `只能上传 ${acceptedFormats()} 格式的文件（系统按文件内容识别格式，仅修改扩展名无效），请重新选择文件。` }]);
  }
  return mediaType;
}
