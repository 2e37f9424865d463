import type { Actor } from '../access/index.js';
import { definitionKinds, type DefinitionKind } from '../definitions/index.js';
import { ForbiddenError } from '../errors/index.js';

/** What users call each kind, in messages. */
export const kindTitles: Record<DefinitionKind, string> = {
  entity: '实体表单', dictionary: '字典', ruleset: '填报规则', process: '审批流程', menu: '菜单与权限',
  document: '文档模板', policy: '密码策略', template: '初始化模板',
};

/**
 * Who may edit which kinds in the designer (R-12.4, issue 7): a permission of the menu definition
 * and the kinds it opens. Add a line here to open more kinds to a permission; nothing else checks kinds.
 */
export const designerGrants: ReadonlyArray<{ permission: string; kinds: readonly DefinitionKind[] }> = [
  { permission: 'system.definitions.publish', kinds: definitionKinds },
  { permission: 'system.rulesets.publish', kinds: ['ruleset', 'dictionary'] },
];

/** The kinds an actor may edit, validate and publish in the designer (none: no designer at all). */
export function editableKinds(actor: Actor): DefinitionKind[] {
  const kinds = new Set(designerGrants.filter((g) => actor.permissions.has(g.permission)).flatMap((g) => g.kinds));
  return definitionKinds.filter((k) => kinds.has(k));
}

/** Reading the designer's lists and definitions: anyone who may edit at least one kind. */
export function requireDesigner(actor: Actor): void {
  if (editableKinds(actor).length === 0) {
    throw new ForbiddenError('您没有使用定义设计器的权限：设计器仅供系统管理员和持有“填报规则管理”权限的省级卫生健康行政部门使用。');
  }
}

/** Changing (or trying out) a definition of `kind`: 403 saying which kinds this user may edit. */
export function requireEditable(actor: Actor, kind: string): void {
  requireDesigner(actor);
  const kinds = editableKinds(actor);
  if (!kinds.includes(kind as DefinitionKind)) {
    const title = kindTitles[kind as DefinitionKind] ?? kind;
    throw new ForbiddenError(`您只能编辑和发布${kinds.map((k) => `「${kindTitles[k]}」`).join('、')}，不能编辑或发布「${title}」；如需修改，请联系系统管理员。`);
  }
}
