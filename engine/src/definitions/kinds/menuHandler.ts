import type { DefinitionProblem, MenuContent, MenuItem } from '../types.js';
import type { KindHandler } from './KindHandler.js';

/** Item keys are unique in the whole tree (they are permission keys); entities exist. */
export const menuHandler: KindHandler = {
  kind: 'menu',
  check(content, set, problem) {
    const problems: DefinitionProblem[] = [];
    const seen = new Set<string>();
    const visit = (items: MenuItem[], base: string) => items.forEach((item, index) => {
      const at = `${base}/${index}`;
      if (seen.has(item.key)) problems.push(problem(`${at}/key`, `菜单键「${item.key}」重复`));
      seen.add(item.key);
      if (item.entity && !set.get('entity', item.entity)) {
        problems.push(problem(`${at}/entity`, `实体「${item.entity}」不存在`));
      }
      const actions = new Set<string>();
      item.actions?.forEach((action, i) => {
        if (actions.has(action.key)) problems.push(problem(`${at}/actions/${i}/key`, `操作「${action.key}」重复`));
        actions.add(action.key);
      });
      if (item.children) visit(item.children, `${at}/children`);
    });
    visit((content as MenuContent).items, '/items');
    return problems;
  },
};
