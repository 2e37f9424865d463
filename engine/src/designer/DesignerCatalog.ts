import type { Actor } from '../access/index.js';
import type { DefinitionDetail, DefinitionDiff, DefinitionListItem, DesignerMe } from '../contract/index.js';
import { definitionKinds, type DefinitionKind, type DefinitionRegistry, type DefinitionRepository } from '../definitions/index.js';
import { BadRequestError, NotFoundError } from '../errors/index.js';
import type { DraftRepository } from './DraftRepository.js';
import { jsonDiff } from './jsonDiff.js';
import { editableKinds, requireDesigner } from './kindPolicy.js';
import { processElementDiff } from './processDiff.js';

export interface CatalogDeps { registry: DefinitionRegistry; definitions: DefinitionRepository; drafts: DraftRepository }

/** A definition kind from a URL: one the engine knows, else 404. */
export function kindOf(value: string | undefined): DefinitionKind {
  if (!definitionKinds.includes(value as DefinitionKind)) throw new NotFoundError('没有这种定义类型。');
  return value as DefinitionKind;
}

/** What the designer reads: lists, a definition with its draft and history, one version, diffs. */
export class DesignerCatalog {
  constructor(private readonly deps: CatalogDeps) {}

  me(actor: Actor): DesignerMe {
    requireDesigner(actor);
    return { editableKinds: editableKinds(actor) };
  }

  async list(actor: Actor, kind?: string, q?: string): Promise<{ items: DefinitionListItem[] }> {
    requireDesigner(actor);
    const kinds = kind ? [kindOf(kind)] : [...definitionKinds];
    const editable = editableKinds(actor);
    const drafts = await this.deps.drafts.keys();
    const hasDraft = new Set(drafts.map((d) => `${d.kind}:${d.key}`));
    const items: DefinitionListItem[] = kinds.flatMap((k) => this.deps.registry.list(k).map((d) => ({
      kind: d.kind, key: d.key, title: d.content.title, version: d.version, publishedAt: d.publishedAt ?? null,
      hasDraft: hasDraft.has(`${d.kind}:${d.key}`), editable: editable.includes(d.kind),
    })));
    for (const draft of drafts) {
      if (!kinds.includes(draft.kind as DefinitionKind) || this.deps.registry.get(draft.kind as DefinitionKind, draft.key)) continue;
      items.push({ kind: draft.kind, key: draft.key, title: draft.title, version: null, publishedAt: null, hasDraft: true,
        editable: editable.includes(draft.kind as DefinitionKind) });
    }
    const needle = q?.trim().toLowerCase();
    const found = needle ? items.filter((i) => i.key.toLowerCase().includes(needle) || i.title.toLowerCase().includes(needle)) : items;
    return { items: found.sort((a, b) => a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key)) };
  }

  async detail(actor: Actor, kindText: string, key: string): Promise<DefinitionDetail> {
    requireDesigner(actor);
    const kind = kindOf(kindText);
    const inForce = this.deps.registry.get(kind, key);
    const draft = await this.deps.drafts.get(kind, key);
    if (!inForce && !draft) throw new NotFoundError('没有这个定义：请检查类型和标识，或先复制一个已发布的定义。');
    const { kind: _k, key: _key, ...draftView } = draft ?? { kind, key };
    return {
      kind, key, title: String(inForce?.content.title ?? draft?.content.title ?? key),
      editable: editableKinds(actor).includes(kind),
      inForce: inForce ? { version: inForce.version, content: inForce.content, publishedAt: inForce.publishedAt ?? '' } : null,
      draft: draft ? draftView as DefinitionDetail['draft'] : null,
      versions: await this.deps.definitions.history(kind, key),
    };
  }

  async version(actor: Actor, kindText: string, key: string, version: string | undefined): Promise<{ version: number; content: Record<string, unknown> }> {
    requireDesigner(actor);
    const content = await this.contentAt(kindOf(kindText), key, version);
    return { version: Number(version), content };
  }

  /** The JSON diff `from` → `to` (versions, or `draft`; default: the version in force → the draft), plus BPMN elements for processes. */
  async diff(actor: Actor, kindText: string, key: string, from?: string, to?: string): Promise<DefinitionDiff> {
    requireDesigner(actor);
    const kind = kindOf(kindText);
    const inForce = this.deps.registry.get(kind, key);
    const before = from === undefined && !inForce ? {} : await this.contentAt(kind, key, from ?? String(inForce!.version));
    const after = await this.contentAt(kind, key, to ?? 'draft');
    const changes = jsonDiff(before, after);
    return kind === 'process' ? { changes, elements: await processElementDiff(before.bpmn, after.bpmn) } : { changes };
  }

  /** The content of a published version (a number) or of the draft (`draft`): 404 when there is none. */
  async contentAt(kind: DefinitionKind, key: string, ref: string | undefined): Promise<Record<string, unknown>> {
    if (ref === 'draft') {
      const draft = await this.deps.drafts.get(kind, key);
      if (!draft) throw new NotFoundError('这个定义没有草稿。');
      return draft.content;
    }
    const version = Number(ref);
    if (!Number.isInteger(version) || version < 1) throw new BadRequestError('版本号应为正整数，或 draft（草稿）。', 'BAD_REQUEST', '/version');
    const stored = await this.deps.definitions.byVersion(kind, key, version);
    if (!stored) throw new NotFoundError(`没有这个定义的第 ${version} 版。`);
    return stored.content;
  }
}
