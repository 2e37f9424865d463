import type { AccessPolicy, Actor } from '../access/index.js';
import { maskIdNumber } from '../audit/index.js';
import type { AttachmentBatchItem, AttachmentBatchList, AttachmentBatchStatus, AttachmentBatchUpload } from '../contract/index.js';
import type { Database } from '../db/index.js';
import type { DefinitionRegistry } from '../definitions/index.js';
import { BadRequestError, NotFoundError } from '../errors/index.js';
import type { Logger } from '../log/index.js';
import type { RecordService } from '../records/index.js';
import { loadCandidates, yearRecords, type Candidate } from './candidates.js';
import { placeFiles, type BatchFile, type Placement } from './placeFiles.js';
import { batchSetup, batchYears, type BatchSetup } from './setup.js';
import type { FileService } from '../files/index.js';

export interface AttachmentBatchServiceDeps {
  db: Database;
  registry: DefinitionRegistry;
  access: AccessPolicy;
  records: RecordService;
  files: FileService;
  logger?: Logger;
}

type RawQuery = Record<string, string | string[] | undefined>;

/** Most files one request may carry. */
export const MAX_BATCH_FILES = 200;
const STATUSES: readonly AttachmentBatchStatus[] = ['missing', 'uploaded'];

function single(raw: RawQuery, name: string): string | undefined {
  const value = raw[name];
  if (Array.isArray(value)) throw new BadRequestError(`参数 ${name} 只能出现一次。`, 'BAD_QUERY');
  return value?.trim() || undefined;
}

function parseYear(raw: string | undefined, required: boolean): number | undefined {
  if (raw === undefined && !required) return undefined;
  const year = Number(raw);
  if (raw === undefined || !Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new BadRequestError('请选择考试年度（examYear，如 2024）。', 'BAD_QUERY', '/examYear');
  }
  return year;
}

const itemOf = (c: Candidate): AttachmentBatchItem => ({ personId: c.personId, name: c.name, idNumberMasked: maskIdNumber(c.idNumber),
  departmentId: c.departmentId, departmentName: c.departmentName, status: c.fileId ? 'uploaded' : 'missing', fileId: c.fileId,
  recordIds: c.records.map((r) => r.id) });

/** `q`: part of the name or of the department's name, or the whole ID number. */
function matchesText(c: Candidate, q: string): boolean {
  const upper = q.normalize('NFKC').toUpperCase();
  return c.name.includes(q) || (c.departmentName ?? '').includes(q) || c.idNumber.toUpperCase() === upper;
}

/**
 * 批量导入附件信息 of an entity declaring `attachmentBatch`: the institution's persons
 * whom the declared rule asks the attachment of in an exam year, with 已上传/未上传; many files at
 * once, each matched to its person by the ID number in its file name and set on all the person's
 * records of the year through `RecordService.update` (versions, rules, audit); and removal.
 */
export class AttachmentBatchService {
  constructor(private readonly deps: AttachmentBatchServiceDeps) {}

  /** Throws unless the entity declares `attachmentBatch` and the actor may update its records (before a body is read). */
  assertUsable(actor: Actor, entityKey: string): void {
    this.prepare(actor, entityKey);
  }

  private prepare(actor: Actor, entityKey: string): BatchSetup {
    const setup = batchSetup(this.deps.registry, entityKey);
    this.deps.access.require(actor, entityKey, 'update');
    return setup;
  }

  private candidates(actor: Actor, setup: BatchSetup, year: number): Promise<Candidate[]> {
    return loadCandidates(this.deps.db, this.deps.registry, setup, actor.orgId, year, this.deps.logger);
  }

  async list(actor: Actor, entityKey: string, raw: RawQuery): Promise<AttachmentBatchList> {
    const setup = this.prepare(actor, entityKey);
    const years = batchYears(this.deps.registry, setup);
    const examYear = parseYear(single(raw, 'examYear'), false) ?? years[0] ?? null;
    const status = single(raw, 'status');
    if (status !== undefined && !STATUSES.includes(status as AttachmentBatchStatus)) {
      throw new BadRequestError('参数 status 应为 missing（未上传）或 uploaded（已上传）。', 'BAD_QUERY');
    }
    const departmentId = single(raw, 'departmentId');
    const q = single(raw, 'q')?.slice(0, 100);
    const all = examYear === null ? [] : await this.candidates(actor, setup, examYear);
    const items = all.map((c) => ({ c, item: itemOf(c) })).filter(({ c, item }) => (status === undefined || item.status === status)
      && (departmentId === undefined || c.departmentId === departmentId) && (q === undefined || matchesText(c, q)));
    return { examYear, years, items: items.map(({ item }) => item) };
  }

  /** Each file matched, content-checked, stored and set on its person's records; the rest reported with reasons. */
  async upload(actor: Actor, entityKey: string, rawYear: string | undefined,
    files: readonly BatchFile[]): Promise<AttachmentBatchUpload> {
    const setup = this.prepare(actor, entityKey);
    const year = parseYear(rawYear?.trim() || undefined, true)!;
    if (files.length === 0) throw new BadRequestError('请选择要上传的图片（字段名 file）。', 'BAD_REQUEST', '/file');
    if (files.length > MAX_BATCH_FILES) {
      throw new BadRequestError(`一次最多上传 ${MAX_BATCH_FILES} 个文件，请分批上传。`, 'TOO_MANY_FILES', '/file');
    }
    const candidates = await this.candidates(actor, setup, year);
    const placement: Placement = { actor, setup, records: this.deps.records, files: this.deps.files };
    return placeFiles(placement, candidates, files);
  }

  /** Clears the attachment on the person's records of the year (so it can be uploaded again). */
  async clear(actor: Actor, entityKey: string, personId: string, rawYear: string | undefined): Promise<void> {
    const setup = this.prepare(actor, entityKey);
    const year = parseYear(rawYear?.trim() || undefined, true)!;
    const records = await yearRecords(this.deps.db, setup, actor.orgId, year, personId);
    if (records.length === 0) throw new NotFoundError(`没有找到该人员 ${year} 年度的${setup.entity.definition.content.title}信息，或您无权查看。`);
    const { field } = setup.attachment;
    for (const record of records.filter((r) => r.data[field] !== undefined)) {
      const { [field]: _removed, ...rest } = record.data;
      await this.deps.records.update(actor, setup.entity.definition.key, record.id, record.version, rest, 'import');
    }
  }
}
