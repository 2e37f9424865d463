import type { DictionaryContent, DefinitionProblem } from '../types.js';
import type { KindHandler } from './KindHandler.js';

/** Codes are unique; every parent exists; the tree has no cycle. */
export const dictionaryHandler: KindHandler = {
  kind: 'dictionary',
  check(content, _set, problem) {
    const { items } = content as DictionaryContent;
    const problems: DefinitionProblem[] = [];
    const byCode = new Map<string, (typeof items)[number]>();
    items.forEach((item, index) => {
      if (byCode.has(item.code)) problems.push(problem(`/items/${index}/code`, `代码「${item.code}」重复`));
      else byCode.set(item.code, item);
    });
    items.forEach((item, index) => {
      if (item.parent === undefined) return;
      if (!byCode.has(item.parent)) {
        problems.push(problem(`/items/${index}/parent`, `上级代码「${item.parent}」不存在`));
        return;
      }
      const seen = new Set([item.code]);
      for (let parent = byCode.get(item.parent); parent; parent = parent.parent ? byCode.get(parent.parent) : undefined) {
        if (seen.has(parent.code)) {
          problems.push(problem(`/items/${index}/parent`, `上级关系形成循环（${[...seen].join(' → ')}）`));
          break;
        }
        seen.add(parent.code);
      }
    });
    return problems;
  },
};
