import { newId } from '../ids/index.js';
import type { AccessPolicy, Actor } from '../access/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { Database } from '../db/index.js';
import { writeAudit, type AuditAction } from '../audit/index.js';
import type { Logger } from '../log/index.js';
import type { DefinitionRegistry, EntityVersion } from '../definitions/index.js';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError, ValidationError, type ErrorItem } from '../errors/index.js';
import { checkAttachments, type WriteChannel } from './attachments.js';
import { auditedData, diffData, readOnlyViolations } from './changes.js';
import { assertKeysFree, keysOf } from './keys.js';
import { parseListQuery } from './listQuery.js';
import { assertUnlocked } from './locks.js';
import { RecordRepository } from './RecordRepository.js';
import { assertNotReferenced, checkRefs } from './refs.js';
import { judgeRules } from './rules.js';
import { presentRecords, withUnmaskedValues } from './sensitive/index.js';
import { recordStoreFor, type RecordStore, type RecordWriter, type RefLink } from './store/index.js';
import type { ListResult, RecordRow, RecordView } from './types.js';

export interface RecordServiceDeps {
  db: Database;
  registry: DefinitionRegistry;
  access: AccessPolicy;
  clock: Clock;
  logger?: Logger;
}

type Data = Record<string, unknown>;
const MAX_BATCH = 200;

interface WriteOptions {
  /** Prefixes each problem's path with the entry it belongs to (batches). */
  itemPath?: (index: number) => string;
  channel?: WriteChannel;
  /** Runs first inside the transaction (e.g. "only while empty"). */
  precheck?: (writer: RecordWriter) => Promise<void>;
}

/** One record to write: its row, the schema's verdict, and the write with its audit entry. */
interface WriteEntry {
  row: RecordRow;
  /** The stored data an update replaces. */
  previous?: Data;
  errors: ErrorItem[];
  fresh: boolean;
  persist: (writer: RecordWriter, at: string) => Promise<{ action: AuditAction; details: Data }>;
}
const view = (row: RecordRow): RecordView => ({ id: row.id, version: row.version, data: row.data });
const isPlainObject = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Read-only fields a client left out keep their stored values (they cannot be cleared either). */
const keptReadOnly = (entity: EntityVersion, stored: Data): Data =>
  Object.fromEntries(entity.schema.readOnlyFields.filter((f) => f in stored).map((f) => [f, stored[f]]));

const staleVersion = () => new ConflictError([{ code: 'STALE_VERSION',
  message: '该记录已被其他人修改。请刷新页面查看最新内容，再重新修改（您填写的内容请先另行保存）。' }]);

/** Tenant-scoped records of every entity: validated, keyed, referenced, audited. */
export class RecordService {
  private readonly repository: RecordRepository;
  private readonly store: RecordStore;

  constructor(private readonly deps: RecordServiceDeps) {
    this.repository = new RecordRepository(deps.db.reader, deps.db);
    this.store = recordStoreFor(deps.db);
  }

  private entity(key: string): EntityVersion {
    const entity = this.deps.registry.entity(key);
    if (!entity) throw new NotFoundError(`没有名为「${key}」的功能。`);
    return entity;
  }

  private assertOwner(actor: Actor, entity: EntityVersion): void {
    const institution = actor.orgLevel === 'institution';
    if ((entity.definition.content.owner === 'institution') !== institution) {
      throw new ForbiddenError(`「${entity.definition.content.title}」由${institution ? '卫生健康行政部门' : '医疗机构'}填报，您所在单位只能查看。`);
    }
  }

  private async visibleOr404(actor: Actor, entity: string, id: string): Promise<RecordRow> {
    const row = await this.repository.findVisible(actor, entity, id);
    if (!row) throw new NotFoundError('该记录不存在，或您无权查看。');
    return row;
  }

  async list(actor: Actor, entityKey: string, rawQuery: Record<string, string | string[] | undefined>): Promise<ListResult> {
    const entity = this.entity(entityKey);
    this.deps.access.requireRead(actor, entityKey);
    const query = parseListQuery(rawQuery, entity.schema);
    const { rows, total } = await this.repository.list(actor, entityKey, query, entity.schema);
    return { items: rows.map(view), total };
  }

  /** One record; reading the full record of an entity with sensitive fields (a person) is audited (`record.read`). */
  async get(actor: Actor, entityKey: string, id: string): Promise<RecordView> {
    const entity = this.entity(entityKey);
    this.deps.access.requireRead(actor, entityKey);
    const row = await this.visibleOr404(actor, entityKey, id);
    if (entity.schema.sensitiveFields.length > 0) {
      await writeAudit(this.deps.db.knex, actor, { action: 'record.read', entity: entityKey, recordId: id }, isoNow(this.deps.clock));
    }
    return view(row);
  }

  /**
   * Records as a response shows them to the actor: sensitive values masked without the reveal
   * permission; with it in full, and `audit` writes the `sensitive.reveal` row (reads: lists, one record).
   */
  present(actor: Actor, entityKey: string, views: RecordView[], audit: boolean): Promise<RecordView[]> {
    return presentRecords(this.deps, actor, this.entity(entityKey), views, audit);
  }

  async create(actor: Actor, entityKey: string, input: unknown): Promise<RecordView> {
    const entity = this.creatable(actor, entityKey);
    if (!isPlainObject(input)) throw new BadRequestError('请求体应为 {"data": {…}}。');
    const entry = this.creation(actor, entity, input);
    await this.write(actor, entity, [entry], {});
    return view(entry.row);
  }

  /**
   * Creates several records of one entity together, all or none: rules over a group (e.g. one
   * person's probation segments, whose total must reach 12 months) see the whole batch. Problems
   * name the item: `/items/<i>/data/<field>`.
   */
  async createMany(actor: Actor, entityKey: string, items: unknown, channel: WriteChannel = 'entry'): Promise<RecordView[]> {
    const entity = this.creatable(actor, entityKey);
    if (!Array.isArray(items) || items.length === 0 || items.length > MAX_BATCH) {
      throw new BadRequestError(`请求体应为 {"items": [{"data": {…}}, …]}，一次 1 至 ${MAX_BATCH} 条。`, 'BAD_REQUEST', '/items');
    }
    const entries = items.map((item: unknown, index) => {
      const data = isPlainObject(item) ? item.data : undefined;
      if (!isPlainObject(data)) throw new BadRequestError(`第 ${index + 1} 条应为 {"data": {…}}。`, 'BAD_REQUEST', `/items/${index}`);
      return this.creation(actor, entity, data);
    });
    await this.write(actor, entity, entries, { itemPath: (index) => `/items/${index}/data`, channel });
    return entries.map((entry) => view(entry.row));
  }

  /**
   * Creates records whose ids the caller assigned, so they can refer to each other (a template's
   * department tree; parents before children). `whenEmpty` refuses, with that message, when the
   * organisation already has records of the entity — checked inside the write transaction.
   */
  async createLinked(actor: Actor, entityKey: string, rows: Array<{ id: string; data: Data }>, whenEmpty?: string): Promise<number> {
    const entity = this.creatable(actor, entityKey);
    const entries = rows.map((r) => this.creation(actor, entity, r.data, r.id));
    const precheck = whenEmpty === undefined ? undefined : async (writer: RecordWriter) => {
      if (await writer.hasRecords(entityKey, actor.orgId)) throw new ConflictError([{ code: 'NOT_EMPTY', message: whenEmpty }]);
    };
    await this.write(actor, entity, entries, { itemPath: (index) => `/items/${index}/data`, precheck });
    return entries.length;
  }

  private creatable(actor: Actor, entityKey: string): EntityVersion {
    const entity = this.entity(entityKey);
    this.deps.access.require(actor, entityKey, 'create');
    this.assertOwner(actor, entity);
    return entity;
  }

  private creation(actor: Actor, entity: EntityVersion, input: Data, id = newId()): WriteEntry {
    const data = entity.schema.normalize(input);
    const row: RecordRow = { id, entity: entity.definition.key, orgId: actor.orgId,
      defVersion: entity.definition.version, version: 1, data };
    return { row, errors: entity.schema.validate(data), fresh: true, persist: async (writer, at) => {
      await writer.insert(row, at, actor.accountId);
      return { action: 'record.create', details: { fields: Object.keys(data) } };
    } };
  }

  /** `channel`: `import` for bulk changes (e.g. 批量导入附件信息), where entry-only rules and required scans do not apply. */
  async update(actor: Actor, entityKey: string, id: string, version: unknown, input: unknown,
    channel: WriteChannel = 'entry'): Promise<RecordView> {
    const entity = this.entity(entityKey);
    this.deps.access.require(actor, entityKey, 'update');
    const existing = await this.visibleOr404(actor, entityKey, id);
    this.assertOwner(actor, entity);
    if (!Number.isInteger(version)) throw new BadRequestError('请求体应包含当前记录的版本号 version。', 'BAD_REQUEST', '/version');
    if (!isPlainObject(input)) throw new BadRequestError('请求体应为 {"version": …, "data": {…}}。');
    if (existing.version !== version) throw staleVersion();
    const sent = withUnmaskedValues(entity.schema, existing.data, input);
    const data = entity.schema.normalize({ ...keptReadOnly(entity, existing.data), ...sent });
    const errors = [...readOnlyViolations(entity.schema, existing.data, data), ...entity.schema.validate(data)];
    const row: RecordRow = { ...existing, defVersion: entity.definition.version, version: existing.version + 1, data };
    await this.write(actor, entity, [{ row, errors, previous: existing.data, fresh: false, persist: async (writer, at) => {
      if (!(await writer.update(row, existing.version, at, actor.accountId))) throw staleVersion();
      return { action: 'record.update', details: { changes: diffData(existing.data, data, entity.schema.sensitiveFields) } };
    } }], { channel });
    return view(row);
  }

  async delete(actor: Actor, entityKey: string, id: string): Promise<void> {
    const entity = this.entity(entityKey);
    this.deps.access.require(actor, entityKey, 'delete');
    const existing = await this.visibleOr404(actor, entityKey, id);
    this.assertOwner(actor, entity);
    await this.transaction(async (writer) => {
      await assertUnlocked(writer, entity.schema.refs, [{ id, data: existing.data }]);
      await assertNotReferenced(writer, this.deps.registry, existing);
      await writer.delete(id);
      await writer.audit(actor, { action: 'record.delete', entity: entityKey, recordId: id,
        details: { data: auditedData(existing.data, entity.schema.sensitiveFields) } }, isoNow(this.deps.clock));
    });
  }

  /**
   * Checks every entry's references, rules and keys, then runs the writes and their audit rows in
   * one transaction. `itemPath` prefixes each problem's path with the entry it belongs to (batches).
   */
  private async write(actor: Actor, entity: EntityVersion, entries: WriteEntry[], options: WriteOptions): Promise<void> {
    const { itemPath, channel = 'entry', precheck } = options;
    const within = (index: number, items: ErrorItem[]): ErrorItem[] => itemPath
      ? items.map((item) => ({ ...item, path: `${itemPath(index)}${item.path ?? ''}`, item: index })) : items;
    const rows = entries.map((entry) => entry.row);
    const pending = new Map(rows.map((row) => [row.id, row]));
    await this.transaction(async (writer) => {
      await assertUnlocked(writer, entity.schema.refs, entries.map(({ row, previous }) => ({ id: row.id, data: row.data, previous })));
      await precheck?.(writer);
      const problems: ErrorItem[] = [];
      const links: RefLink[][] = [];
      for (const [index, { row, errors, previous }] of entries.entries()) {
        const refs = await checkRefs(writer, row, entity.schema.refs, pending);
        const files = await checkAttachments(writer, row, entity.schema.attachments, channel, previous);
        const violations = await judgeRules(writer, this.deps.registry, row, this.deps.logger, rows, channel);
        problems.push(...within(index, [...errors, ...refs.errors, ...files, ...violations]));
        links.push(refs.links);
      }
      if (problems.length > 0) throw new ValidationError(problems);
      const at = isoNow(this.deps.clock);
      for (const [index, { row, fresh, persist }] of entries.entries()) {
        const keys = keysOf(entity.definition.content, row.data, this.deps.db.recordData);
        await assertKeysFree(writer, row, keys).catch((error: unknown) => {
          throw error instanceof ConflictError ? new ConflictError(within(index, error.items)) : error;
        });
        const audit = await persist(writer, at);
        await writer.setKeys(row, keys, fresh);
        await writer.setRefs(row, links[index]!, fresh);
        await writer.audit(actor, { ...audit, entity: row.entity, recordId: row.id }, at);
      }
    });
  }

  /** A transaction whose constraint races (two writers, same key) surface as clear conflicts. */
  private async transaction(work: (writer: RecordWriter) => Promise<void>): Promise<void> {
    const { dialect } = this.deps.db;
    try {
      await this.store.write(work);
    } catch (error) {
      if (dialect.isUniqueViolation(error)) {
        throw new ConflictError([{ code: 'DUPLICATE', message: '同一时间有其他人提交了相同的信息，请刷新后核对。' }]);
      }
      if (dialect.isForeignKeyViolation(error)) {
        throw new ConflictError([{ code: 'REFERENCED', message: '该记录正被其他信息引用，或所引用的记录刚被删除，请刷新后重试。' }]);
      }
      throw error;
    }
  }
}
