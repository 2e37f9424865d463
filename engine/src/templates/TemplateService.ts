import type { AccessPolicy, Actor } from '../access/index.js';
import type { RecordTemplateSummary } from '../contract/index.js';
import type { DefinitionRegistry, TemplateContent, TemplateRecord } from '../definitions/index.js';
import { NotFoundError } from '../errors/index.js';
import { newId } from '../ids/index.js';
import type { RecordService } from '../records/index.js';

const countOf = (records: TemplateRecord[]): number =>
  records.reduce((sum, r) => sum + 1 + countOf(r.children ?? []), 0);

/** The template's records, parents before children, with fresh ids and the tree field filled in. */
function flatten(records: TemplateRecord[], parentField: string | undefined, parentId?: string): Array<{ id: string; data: Record<string, unknown> }> {
  return records.flatMap((record) => {
    const id = newId();
    const data = parentField && parentId ? { ...record.data, [parentField]: parentId } : { ...record.data };
    return [{ id, data }, ...flatten(record.children ?? [], parentField, id)];
  });
}

/**
 * Record templates (`template` definitions): an organisation starts from one when it has nothing
 * yet — 初始化部门 creates a whole department tree at once, all or none.
 */
export class TemplateService {
  constructor(private readonly deps: { registry: DefinitionRegistry; access: AccessPolicy; records: RecordService }) {}

  private templates(entity: string): TemplateContent[] {
    return this.deps.registry.list('template').map((d) => d.content as TemplateContent).filter((t) => t.entity === entity);
  }

  list(actor: Actor, entity: string): RecordTemplateSummary[] {
    this.deps.access.require(actor, entity, 'create');
    return this.templates(entity).map((t) => ({ key: t.key, title: t.title, ...(t.description ? { description: t.description } : {}),
      count: countOf(t.records) }));
  }

  async apply(actor: Actor, entity: string, key: string): Promise<{ created: number }> {
    this.deps.access.require(actor, entity, 'create');
    const template = this.templates(entity).find((t) => t.key === key);
    if (!template) throw new NotFoundError('没有这个模板，请刷新页面后重新选择。');
    const title = this.deps.registry.entity(entity)?.definition.content.title ?? entity;
    const created = await this.deps.records.createLinked(actor, entity, flatten(template.records, template.parentField),
      `本机构已有${title}，不能再按模板初始化；请在现有${title}上直接增加或修改。`);
    return { created };
  }
}
