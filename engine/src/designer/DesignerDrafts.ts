import type { Actor } from '../access/index.js';
import type { AuditAction } from '../audit/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { DefinitionProblem as Problem, DraftSaved } from '../contract/index.js';
import { definitionKinds, type DefinitionContent, type DefinitionPublisher, type DefinitionRegistry, type DefinitionRepository } from '../definitions/index.js';
import { BadRequestError, ConflictError, NotFoundError, PayloadTooLargeError } from '../errors/index.js';
import { kindOf, type DesignerCatalog } from './DesignerCatalog.js';
import type { DraftRepository, StoredDraft } from './DraftRepository.js';
import { diffSummary, jsonDiff } from './jsonDiff.js';
import { editableKinds, requireDesigner, requireEditable } from './kindPolicy.js';

export interface DraftsDeps {
  registry: DefinitionRegistry; definitions: DefinitionRepository; drafts: DraftRepository; publisher: DefinitionPublisher;
  catalog: DesignerCatalog; clock: Clock;
}

const MAX_DRAFT_BYTES = 1024 * 1024;
const KEY = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** The request's `content`: a JSON object (else 400), at most 1 MB (else 413). */
export function contentOf(body: unknown): DefinitionContent {
  const content = (body as { content?: unknown } | null)?.content;
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    throw new BadRequestError('请求体应为 {"content": {…定义…}}：定义内容须为 JSON 对象。', 'BAD_REQUEST', '/content');
  }
  if (Buffer.byteLength(JSON.stringify(content)) > MAX_DRAFT_BYTES) throw new PayloadTooLargeError('定义内容超过 1 MB，请精简后再保存。');
  return content as DefinitionContent;
}

/** A note of a publication: optional text of at most 500 characters. */
function noteOf(body: unknown): string | undefined {
  const note = (body as { note?: unknown } | null)?.note;
  if (note === undefined || note === null || note === '') return undefined;
  if (typeof note !== 'string' || note.length > 500) throw new BadRequestError('发布说明应为不超过 500 字的文字。', 'BAD_REQUEST', '/note');
  return note;
}

const problemsOf = (problems: Array<{ path: string; message: string }>): Problem[] => problems.map(({ path, message }) => ({ path, message }));

/**
 * What the designer changes: drafts (kept as typed, valid or not), copies, and publishing a draft or
 * an earlier version as a new immutable version — validated exactly as `DefinitionPublisher` does,
 * audited with a summary of what changed, in force at once.
 */
export class DesignerDrafts {
  constructor(private readonly deps: DraftsDeps) {}

  async validate(actor: Actor, body: unknown): Promise<{ problems: Problem[] }> {
    const content = contentOf(body);
    // An unknown kind is a problem of the content (the meta-schema names the kinds), not a permission.
    if (definitionKinds.includes(content.kind)) requireEditable(actor, content.kind);
    else requireDesigner(actor);
    return { problems: problemsOf(await this.deps.publisher.check(content)) };
  }

  async save(actor: Actor, kindText: string, key: string, body: unknown): Promise<DraftSaved> {
    const kind = kindOf(kindText);
    requireEditable(actor, kind);
    const content = contentOf(body);
    if (content.kind !== kind || content.key !== key) {
      throw new BadRequestError(`草稿内容的 kind/key（${String(content.kind)}/${String(content.key)}）应与地址中的 ${kind}/${key} 一致。`, 'BAD_REQUEST', '/content/key');
    }
    const basedOnInput = (body as { basedOn?: unknown }).basedOn;
    const basedOn = typeof basedOnInput === 'number' ? basedOnInput
      : (await this.deps.drafts.get(kind, key))?.basedOn ?? this.deps.registry.get(kind, key)?.version ?? null;
    return this.store(actor, { kind, key, content, basedOn });
  }

  async discard(actor: Actor, kindText: string, key: string): Promise<void> {
    const kind = kindOf(kindText);
    requireEditable(actor, kind);
    if (!await this.deps.drafts.delete(kind, key)) throw new NotFoundError('这个定义没有草稿。');
  }

  /** A draft of a new definition `toKey` from the version in force of `key` (only the key, and the title if given, changed). */
  async copy(actor: Actor, kindText: string, key: string, body: unknown): Promise<DraftSaved> {
    const kind = kindOf(kindText);
    requireEditable(actor, kind);
    const { toKey, title } = (body ?? {}) as { toKey?: unknown; title?: unknown };
    if (typeof toKey !== 'string' || !KEY.test(toKey)) {
      throw new BadRequestError('新标识应以字母开头，只含字母、数字、- 和 _，不超过 64 个字符（例如 probation-2025）。', 'BAD_REQUEST', '/toKey');
    }
    if (title !== undefined && (typeof title !== 'string' || title.trim() === '' || title.length > 100)) {
      throw new BadRequestError('新名称应为 1–100 个字的文字。', 'BAD_REQUEST', '/title');
    }
    const source = this.deps.registry.get(kind, key);
    if (!source) throw new NotFoundError('要复制的定义不存在或尚未发布。');
    if (this.deps.registry.get(kind, toKey) || await this.deps.drafts.get(kind, toKey) || (await this.deps.definitions.history(kind, toKey)).length > 0) {
      throw new ConflictError([{ code: 'DEFINITION_EXISTS', path: '/toKey', message: `标识「${toKey}」已被使用（已发布或有草稿），请换一个标识，或直接编辑「${toKey}」。` }]);
    }
    const content = { ...source.content, key: toKey, ...(typeof title === 'string' ? { title: title.trim() } : {}) };
    return this.store(actor, { kind, key: toKey, content, basedOn: null });
  }

  /** Publishes the draft as a new version (422 with the problems when invalid: nothing changes), then removes the draft. */
  async publish(actor: Actor, kindText: string, key: string, body: unknown): Promise<{ version: number }> {
    const kind = kindOf(kindText);
    requireEditable(actor, kind);
    const note = noteOf(body);
    const draft = await this.deps.drafts.get(kind, key);
    if (!draft) throw new NotFoundError('这个定义没有草稿：请先修改并保存草稿，再发布。');
    const inForce = this.deps.registry.get(kind, key);
    if (inForce && draft.basedOn !== null && draft.basedOn !== inForce.version) {
      throw new ConflictError([{ code: 'DRAFT_STALE', message: `草稿基于第 ${draft.basedOn} 版，但其间已发布了第 ${inForce.version} 版：请先对比第 ${inForce.version} 版与草稿的差异，把需要保留的修改并入后重新保存草稿（保存时以第 ${inForce.version} 版为基础），再发布。` }]);
    }
    if (inForce && jsonDiff(inForce.content, draft.content).length === 0) {
      throw new BadRequestError('草稿与当前生效版本完全相同，无需发布；如不再需要，可以放弃草稿。', 'NO_CHANGES');
    }
    const stored = await this.publishContent(actor, draft.content as DefinitionContent, note, 'definition.publish', { basedOn: draft.basedOn });
    await this.deps.drafts.delete(kind, key);
    return { version: stored.version };
  }

  /** Publishes an earlier version's content again as a new version (validated again against what is in force now). */
  async rollback(actor: Actor, kindText: string, key: string, body: unknown): Promise<{ version: number }> {
    const kind = kindOf(kindText);
    requireEditable(actor, kind);
    const version = (body as { version?: unknown } | null)?.version;
    if (typeof version !== 'number') throw new BadRequestError('请指定要恢复的版本号（version）。', 'BAD_REQUEST', '/version');
    if (this.deps.registry.get(kind, key)?.version === version) throw new BadRequestError(`第 ${version} 版就是当前生效的版本，无需恢复。`, 'NO_CHANGES', '/version');
    const content = await this.deps.catalog.contentAt(kind, key, String(version)) as DefinitionContent;
    const stored = await this.publishContent(actor, content, noteOf(body) ?? `恢复为第 ${version} 版`, 'definition.rollback', { fromVersion: version });
    return { version: stored.version };
  }

  private async publishContent(actor: Actor, content: DefinitionContent, note: string | undefined, auditAction: AuditAction,
    details: Record<string, unknown>) {
    const inForce = this.deps.registry.get(content.kind, content.key);
    const changes = diffSummary(jsonDiff(inForce?.content ?? {}, content));
    return this.deps.publisher.publish(actor, content, editableKinds(actor), {
      ...(note ? { note } : {}), auditAction, auditDetails: { ...details, previousVersion: inForce?.version ?? null, changes },
    });
  }

  private async store(actor: Actor, draft: Omit<StoredDraft, 'updatedAt' | 'updatedBy'>): Promise<DraftSaved> {
    const saved = await this.deps.drafts.save(draft, isoNow(this.deps.clock), actor.accountId);
    const { kind: _kind, key: _key, ...view } = saved;
    return { draft: view, problems: problemsOf(await this.deps.publisher.check(draft.content as DefinitionContent)) };
  }
}
