import type { ModdleWarning } from 'bpmn-moddle';
import type { ProcessProblem } from './types.js';

/** Turns moddle's reading warnings (English, multi-line) into Chinese problems with line and column. */
export function describeWarning(warning: ModdleWarning): ProcessProblem {
  const text = warning.message;
  const unresolved = /^unresolved reference <([^>]*)>/.exec(text);
  if (unresolved) {
    return { elementId: warning.element?.id, message: `引用的元素「${unresolved[1]}」不存在，请检查编号是否写错` };
  }
  const line = /line: (\d+)/.exec(text)?.[1];
  const column = /column: (\d+)/.exec(text)?.[1];
  // saxen counts lines and columns from 0.
  const where = line ? `（第 ${Number(line) + 1} 行第 ${Number(column ?? 0) + 1} 列）` : '';
  const nested = /nested error: (.*)$/s.exec(text)?.[1]?.trim() ?? text;
  const duplicate = /duplicate ID <([^>]*)>/.exec(nested);
  if (duplicate) return { elementId: duplicate[1], message: `编号「${duplicate[1]}」重复${where}，每个元素的编号必须唯一` };
  const unknown = /(?:unrecognized element|unknown type|unexpected element) <([^>]*)>/.exec(nested);
  if (unknown) return { message: `无法识别的元素 <${unknown[1]}>${where}，请检查元素名和命名空间` };
  return { message: `BPMN 内容无法读取${where}：${nested}` };
}

/** The problem when nothing could be read (moddle gives no warning for, e.g., an unclosed document). */
export const UNREADABLE: ProcessProblem = {
  message: 'BPMN 内容无法读取：应为完整的 BPMN 2.0 XML，根元素为 bpmn:definitions，且每个标签都已闭合',
};
