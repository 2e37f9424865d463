import fs from 'node:fs';
import type { AccessPolicy, Actor } from '../access/index.js';
import type { Clock } from '../clock/index.js';
import type { DefinitionRegistry } from '../definitions/index.js';
import { BadRequestError, ForbiddenError, NotFoundError } from '../errors/index.js';
import type { JobFilter, JobRepository } from './JobRepository.js';
import { toJobView } from './jobRows.js';
import { jobMessages } from './messages.js';
import type { JobList, JobRow, JobView } from './types.js';

/** The menu item of the import jobs page (人员信息导入管理). */
export const IMPORT_JOBS_PERMISSION = 'hr.importJobs';
const IMPORT_KIND = 'import';
const MAX_PAGE_SIZE = 100;

export interface JobQueriesDeps {
  repository: JobRepository;
  access: AccessPolicy;
  registry: DefinitionRegistry;
  clock: Clock;
}

export interface ErrorReport {
  filename: string;
  stream: fs.ReadStream;
}

function pageNumber(raw: unknown, name: string, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = typeof raw === 'string' ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new BadRequestError(`参数 ${name} 应为 1 到 ${max} 之间的整数。`, 'BAD_QUERY');
  return value;
}

/**
 * Import jobs as their users see them, always within the reader's organisation (another
 * organisation's job is 404). Holders of 人员信息导入管理 (`hr.importJobs`) see every import job of
 * their organisation; an account that may import but lacks that item sees the jobs it started
 * itself (it is sent to its job after uploading); anyone else is refused. An error report holds
 * the failed rows' personal data, so it also needs read access to the job's entity, unless the
 * reader started the job.
 */
export class JobQueries {
  constructor(private readonly deps: JobQueriesDeps) {}

  private filterFor(actor: Actor): JobFilter {
    if (actor.permissions.has(IMPORT_JOBS_PERMISSION)) return { kind: IMPORT_KIND };
    const mayImport = this.deps.access.catalog().permissions.some((p) => p.action === 'import' && actor.permissions.has(p.key));
    if (!mayImport) throw new ForbiddenError(jobMessages.noJobAccess);
    return { kind: IMPORT_KIND, accountId: actor.accountId };
  }

  async list(actor: Actor, query: Record<string, unknown>): Promise<JobList> {
    const filter = this.filterFor(actor);
    const page = pageNumber(query.page, 'page', 1, 1_000_000);
    const pageSize = pageNumber(query.pageSize, 'pageSize', 20, MAX_PAGE_SIZE);
    const { items, total } = await this.deps.repository.listForOrg(actor.orgId, { page, pageSize }, filter);
    const now = this.deps.clock.now();
    return { items: items.map((job) => toJobView(job, now)), total };
  }

  private async find(actor: Actor, id: string): Promise<JobRow> {
    const job = await this.deps.repository.findForOrg(actor.orgId, id, this.filterFor(actor));
    if (!job) throw new NotFoundError('没有找到该导入任务，或您无权查看。');
    return job;
  }

  async get(actor: Actor, id: string): Promise<JobView> {
    return toJobView(await this.find(actor, id), this.deps.clock.now());
  }

  /** The job's error report (.xlsx) as a stream, with a Chinese file name; 404 when it has none. */
  async errorReport(actor: Actor, id: string): Promise<ErrorReport> {
    const job = await this.find(actor, id);
    const { access, registry } = this.deps;
    if (job.accountId !== actor.accountId && job.entity && !access.canRead(actor, job.entity)) {
      throw new ForbiddenError('您没有查看该类数据的权限，不能下载这份错误报告。');
    }
    if (!job.reportFile) throw new NotFoundError(jobMessages.noReport);
    const stream = await openIfPresent(job.reportFile);
    if (!stream) throw new NotFoundError(jobMessages.reportGone);
    const title = (job.entity && registry.entity(job.entity)?.definition.content.title) || '数据';
    return { filename: `${title}导入错误报告-${job.createdAt.slice(0, 10)}.xlsx`, stream };
  }
}

/** A read stream once the file is open; undefined when it does not exist. */
function openIfPresent(file: string): Promise<fs.ReadStream | undefined> {
  return new Promise((resolve, reject) => {
    const stream = fs.createReadStream(file);
    stream.once('open', () => resolve(stream));
    stream.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? resolve(undefined) : reject(error)));
  });
}
