import type { Knex } from 'knex';
import type { Actor } from '../access/index.js';
import type { Database } from '../db/index.js';
import { BadRequestError } from '../errors/index.js';
import { layoutChecksum, writeExport, type CellValue, type ImportColumn, type ImportLayout } from '../excel/index.js';
import type { WorkbookDownload } from '../imports/index.js';
import type { FieldCipher } from '../privacy/index.js';
import { normalizeIdNumber } from '../schema/idDocuments/index.js';
import { visibleTo } from './common.js';
import { preRegistrationErrors } from './messages.js';
import { idNumberIndex, itemOf, type CandidateSnapshot } from './SubmissionRepository.js';
import { readYear } from './views.js';

type Query = Record<string, string | string[] | undefined>;

/** An accepted candidate as the bureaus' 预报名审核结果 lists them. */
export interface AcceptedView {
  personId: string;
  orgId: string;
  orgName: string;
  snapshot: CandidateSnapshot;
  submittedAt: string;
  acceptedAt: string | null;
}

interface Filters { year: number; orgId?: string; q?: string }

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
const EXPORT_PAGE = 500;

function positive(raw: string | undefined, fallback: number, max: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new BadRequestError(`参数 ${name} 应为 1 至 ${max} 之间的整数。`, 'BAD_QUERY', `/${name}`);
  return value;
}

/** The export's columns: what the list shows, in Chinese, as text (dates as they were submitted). */
const columns: ImportColumn[] = [
  ['orgName', '机构名称'], ['name', '姓名'], ['sex', '性别'], ['documentType', '证件类型'], ['idNumber', '证件号码'], ['birthDate', '出生日期'],
  ['mobile', '手机号码'], ['department', '所在部门'], ['candidateType', '考生类型'], ['probation', '试用期'], ['submittedAt', '上报时间'],
  ['acceptedAt', '接收时间'],
].map(([key, title]) => ({ key: key!, title: title!, kind: 'text' as const, required: false, ...(key === 'idNumber' ? { code: true } : {}) }));

function exportLayout(year: number): ImportLayout {
  const entity = 'preRegistrationAccepted';
  return { entity, title: `${year} 年度预报名审核结果`, version: 1, sheet: '已接收考生', columns, checksum: layoutChecksum(entity, columns) };
}

function rowOf(view: AcceptedView): CellValue[] {
  const s = view.snapshot;
  const values: Record<string, CellValue> = { orgName: view.orgName, ...s, probation: s.probation.join('；'),
    submittedAt: view.submittedAt.slice(0, 10), acceptedAt: view.acceptedAt?.slice(0, 10) ?? null };
  return columns.map((c) => values[c.key] ?? null);
}

/**
 * The accepted candidates of the institutions below a bureau, filtered by institution and
 * name or ID number, and their export. Org scope: the bureau's subtree only; an institution outside is 404.
 */
export class AcceptedLists {
  constructor(private readonly deps: { db: Database; cipher: FieldCipher }) {}

  async list(actor: Actor, rawYear: unknown, query: Query):
    Promise<{ items: AcceptedView[]; total: number; institutions: Array<{ id: string; name: string; count: number }> }> {
    const filters = await this.filters(actor, rawYear, query);
    const page = positive(single(query.page), 1, 100_000, 'page');
    const pageSize = positive(single(query.pageSize), 20, 100, 'pageSize');
    const [counted] = await this.base(actor, filters).count({ total: '*' }) as Array<{ total: number | string }>;
    const items = await this.rows(actor, filters, (page - 1) * pageSize, pageSize);
    const institutions = await this.base(actor, { year: filters.year }).groupBy('o.id', 'o.name').orderBy('o.name')
      .select('o.id', 'o.name').count({ count: '*' }) as Array<{ id: string; name: string; count: number | string }>;
    return { items, total: Number(counted?.total ?? 0), institutions: institutions.map((i) => ({ id: i.id, name: i.name, count: Number(i.count) })) };
  }

  /** The same list, filtered the same way, as an .xlsx (streaming writer, formula neutralisation). */
  async export(actor: Actor, rawYear: unknown, query: Query): Promise<WorkbookDownload> {
    const filters = await this.filters(actor, rawYear, query);
    const rows = async function* (this: AcceptedLists) {
      for (let offset = 0; ; offset += EXPORT_PAGE) {
        const page = await this.rows(actor, filters, offset, EXPORT_PAGE);
        for (const view of page) yield rowOf(view);
        if (page.length < EXPORT_PAGE) return;
      }
    }.bind(this);
    const layout = exportLayout(filters.year);
    return { filename: `${layout.title}.xlsx`, write: (out) => writeExport(out, layout, rows(), { refOptions: {}, instructions: false }) };
  }

  private async filters(actor: Actor, rawYear: unknown, query: Query): Promise<Filters> {
    const year = readYear(rawYear);
    const orgId = single(query.orgId) || undefined;
    if (orgId && !await visibleTo(this.deps.db, actor, orgId)) throw preRegistrationErrors.orgNotFound();
    const q = single(query.q)?.trim().slice(0, 50) || undefined;
    return { year, ...(orgId ? { orgId } : {}), ...(q ? { q } : {}) };
  }

  private base(actor: Actor, filters: Filters): Knex.QueryBuilder {
    const query = this.deps.db.reader('pre_registration_items as i').join('orgs as o', 'o.id', 'i.org_id')
      .where('i.status', 'accepted').where('i.exam_year', filters.year).where('o.path', 'like', `${actor.orgPath}%`);
    if (filters.orgId) query.where('i.org_id', filters.orgId);
    // A name by any part of it; an ID number only whole (stored encrypted, found through its blind index).
    const q = filters.q;
    if (q) query.where((w) => w.where('i.name', 'like', `%${q}%`).orWhere('i.id_number_bi', idNumberIndex(this.deps.cipher, normalizeIdNumber(q))));
    return query;
  }

  private async rows(actor: Actor, filters: Filters, offset: number, limit: number): Promise<AcceptedView[]> {
    const rows = await this.base(actor, filters).orderBy('o.name').orderBy('i.created_at').orderBy('i.id').offset(offset).limit(limit)
      .select('i.*', 'o.name as org_name') as Array<Record<string, unknown>>;
    return rows.map((r) => {
      const item = itemOf(this.deps.cipher)(r);
      return { personId: item.personId, orgId: item.orgId, orgName: String(r.org_name), snapshot: item.snapshot,
        submittedAt: item.createdAt, acceptedAt: item.decidedAt };
    });
  }
}
