import type { DefinitionProblem } from '../../contract/designer.js';
import type { DictionaryItemContent } from './columns.js';

/**
 * Checks across items that a single cell cannot show: duplicate codes, parents that are not items
 * of the dictionary or are the item itself, cycles of parents. `where(i)` names item i for the user
 * (e.g. 第 5 行).
 */
export function checkItems(items: readonly DictionaryItemContent[], where: (index: number) => string): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    if (!item.code) return;
    const first = firstIndex.get(item.code);
    if (first === undefined) firstIndex.set(item.code, index);
    else problems.push({ path: `/items/${index}/code`, message: `${where(index)}的编码「${item.code}」与${where(first)}重复，每项的编码必须不同。` });
  });
  const parentOf = new Map(items.filter((i) => i.code && i.parent).map((i) => [i.code, i.parent!]));
  items.forEach((item, index) => {
    if (!item.parent) return;
    if (!firstIndex.has(item.parent)) {
      problems.push({ path: `/items/${index}/parent`, message: `${where(index)}的上级编码「${item.parent}」不是本字典中的编码，请填写已有项的编码或留空。` });
      return;
    }
    const seen = new Set<string>([item.code]);
    for (let code = item.parent; code; code = parentOf.get(code)!) {
      if (seen.has(code)) {
        problems.push({ path: `/items/${index}/parent`, message: `${where(index)}的上级编码形成了循环（上级最终指向了自己），请修改。` });
        return;
      }
      seen.add(code);
    }
  });
  return problems;
}
