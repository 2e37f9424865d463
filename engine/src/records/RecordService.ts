import { newId } from '../ids/index.js';
import type { AccessPolicy, Actor } from '../access/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { Database } from '../db/index.js';
import type { DefinitionRegistry, EntityVersion } from '../definitions/index.js';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError, ValidationError, type ErrorItem } from '../errors/index.js';
import { auditedData, diffData, readOnlyViolations } from './changes.js';
import { assertKeysFree, keysOf, plainKeyCodec, type KeyCodec } from './keys.js';
import { parseListQuery } from './listQuery.js';
import { RecordRepository } from './RecordRepository.js';
import { assertNotReferenced, checkRefs } from './refs.js';
import { recordStoreFor, type RecordStore, type RecordWriter } from './store/index.js';
import type { ListResult, RecordRow, RecordView } from './types.js';

export interface RecordServiceDeps {
  db: Database;
  registry: DefinitionRegistry;
  access: AccessPolicy;
  clock: Clock;
  keyCodec?: KeyCodec;
}

type Data = Record<string, unknown>;
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
  private readonly codec: KeyCodec;

  constructor(private readonly deps: RecordServiceDeps) {
    this.repository = new RecordRepository(deps.db.reader, deps.db.dialect);
    this.store = recordStoreFor(deps.db);
    this.codec = deps.keyCodec ?? plainKeyCodec;
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

  async get(actor: Actor, entityKey: string, id: string): Promise<RecordView> {
    this.entity(entityKey);
    this.deps.access.requireRead(actor, entityKey);
    return view(await this.visibleOr404(actor, entityKey, id));
  }

  async create(actor: Actor, entityKey: string, input: unknown): Promise<RecordView> {
    const entity = this.entity(entityKey);
    this.deps.access.require(actor, entityKey, 'create');
    this.assertOwner(actor, entity);
    if (!isPlainObject(input)) throw new BadRequestError('请求体应为 {"data": {…}}。');
    const data = entity.schema.normalize(input);
    const row: RecordRow = { id: newId(), entity: entityKey, orgId: actor.orgId, defVersion: entity.definition.version, version: 1, data };
    await this.write(actor, entity, row, entity.schema.validate(data), true, async (writer, at) => {
      await writer.insert(row, at, actor.accountId);
      return { action: 'record.create', details: { fields: Object.keys(data) } };
    });
    return view(row);
  }

  async update(actor: Actor, entityKey: string, id: string, version: unknown, input: unknown): Promise<RecordView> {
    const entity = this.entity(entityKey);
    this.deps.access.require(actor, entityKey, 'update');
    const existing = await this.visibleOr404(actor, entityKey, id);
    this.assertOwner(actor, entity);
    if (!Number.isInteger(version)) throw new BadRequestError('请求体应包含当前记录的版本号 version。', 'BAD_REQUEST', '/version');
    if (!isPlainObject(input)) throw new BadRequestError('请求体应为 {"version": …, "data": {…}}。');
    if (existing.version !== version) throw staleVersion();
    const data = entity.schema.normalize({ ...keptReadOnly(entity, existing.data), ...input });
    const errors = [...readOnlyViolations(entity.schema, existing.data, data), ...entity.schema.validate(data)];
    const row: RecordRow = { ...existing, defVersion: entity.definition.version, version: existing.version + 1, data };
    await this.write(actor, entity, row, errors, false, async (writer, at) => {
      if (!(await writer.update(row, existing.version, at, actor.accountId))) throw staleVersion();
      return { action: 'record.update', details: { changes: diffData(existing.data, data, entity.schema.sensitiveFields) } };
    });
    return view(row);
  }

  async delete(actor: Actor, entityKey: string, id: string): Promise<void> {
    const entity = this.entity(entityKey);
    this.deps.access.require(actor, entityKey, 'delete');
    const existing = await this.visibleOr404(actor, entityKey, id);
    this.assertOwner(actor, entity);
    await this.transaction(async (writer) => {
      await assertNotReferenced(writer, this.deps.registry, existing);
      await writer.delete(id);
      await writer.audit(actor, { action: 'record.delete', entity: entityKey, recordId: id,
        details: { data: auditedData(existing.data, entity.schema.sensitiveFields) } }, isoNow(this.deps.clock));
    });
  }

  /** Checks references and keys, then runs the write and its audit row in one transaction. */
  private async write(actor: Actor, entity: EntityVersion, row: RecordRow, errors: ErrorItem[], fresh: boolean,
    persist: (writer: RecordWriter, at: string) => Promise<{ action: string; details: Data }>): Promise<void> {
    await this.transaction(async (writer) => {
      const refs = await checkRefs(writer, row, entity.schema.refs);
      if (errors.length + refs.errors.length > 0) throw new ValidationError([...errors, ...refs.errors]);
      const keys = keysOf(entity.definition.content, row.data, this.codec);
      await assertKeysFree(writer, row, keys);
      const at = isoNow(this.deps.clock);
      const audit = await persist(writer, at);
      await writer.setKeys(row, keys, fresh);
      await writer.setRefs(row, refs.links, fresh);
      await writer.audit(actor, { ...audit, entity: row.entity, recordId: row.id }, at);
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
