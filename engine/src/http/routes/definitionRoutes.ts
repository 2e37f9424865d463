import type { DictionaryView, EntityDescriptor, EntitySummary, MenuNode } from '../../contract/index.js';
import type { EntityContent, MenuContent, MenuItem } from '../../definitions/index.js';
import { NotFoundError } from '../../errors/index.js';
import { isSelectable, presentSchema } from '../../schema/index.js';
import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter } from '../routing/index.js';

/** The menu tree cut down to the items (and actions) this user holds. */
function visibleMenu(items: MenuItem[], permissions: ReadonlySet<string>): MenuNode[] {
  return items.filter((item) => permissions.has(item.key)).map((item) => ({
    key: item.key, title: item.title,
    ...(item.icon ? { icon: item.icon } : {}), ...(item.entity ? { entity: item.entity } : {}), ...(item.route ? { route: item.route } : {}),
    actions: (item.actions ?? []).map((a) => a.key).filter((a) => permissions.has(`${item.key}.${a}`)),
    children: visibleMenu(item.children ?? [], permissions),
  }));
}

/** `/api/entities`, `/api/menu`, `/api/dictionaries`: published definitions as the runtime UI needs them. */
export function definitionRoutes(services: Services): SecureRouter {
  const { registry, access } = services;
  const router = new SecureRouter(services, '/api');
  const BUSINESS = { session: true, realName: true } as const;

  router.get('/entities', BUSINESS, (ctx) => {
    const { actor } = principalOf(ctx as AppContext);
    ctx.body = registry.list('entity').filter((d) => access.canRead(actor, d.key))
      .map((d): EntitySummary => ({ key: d.key, title: d.content.title, version: d.version }));
  });

  router.get('/entities/:entity', { entity: 'read' }, (ctx) => {
    const entity = registry.entity(ctx.params.entity!);
    if (!entity) throw new NotFoundError(`没有名为「${ctx.params.entity!}」的功能。`);
    const content: EntityContent = entity.definition.content;
    ctx.body = { key: content.key, version: entity.definition.version, title: content.title, owner: content.owner,
      ...(content.titleField ? { titleField: content.titleField } : {}), schema: presentSchema(content.schema, registry),
      uiSchema: content.uiSchema ?? {}, ...(content.import ? { import: content.import } : {}),
      ...(content.attachmentBatch ? { attachmentBatch: content.attachmentBatch } : {}) } satisfies EntityDescriptor;
  });

  router.get('/menu', BUSINESS, (ctx) => {
    const { actor } = principalOf(ctx as AppContext);
    const menu = registry.get('menu', 'main')?.content as MenuContent | undefined;
    ctx.body = { items: visibleMenu(menu?.items ?? [], actor.permissions) };
  });

  // Code tables hold nothing personal; the real-name form needs 证件类型 before the account is approved.
  router.get('/dictionaries/:key', { session: true, realName: false }, (ctx) => {
    const dictionary = registry.dictionary(ctx.params.key!);
    if (!dictionary) throw new NotFoundError(`没有名为「${ctx.params.key!}」的字典。`);
    ctx.body = { key: dictionary.key, version: dictionary.version, title: dictionary.title,
      items: dictionary.items.map((i) => ({ code: i.code, label: i.label, ...(i.parent ? { parent: i.parent } : {}),
        enabled: i.enabled, selectable: isSelectable(i) })) } satisfies DictionaryView;
  });
  return router;
}
