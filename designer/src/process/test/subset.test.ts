import { describe, expect, it } from 'vitest';
import { diffMarkers } from '../ElementDiff';
import { keepEntries, paletteKept, replaceKept, translate } from '../modeler/subset';
import { elementIdOf, problemsByElement } from '../problems/elementIds';
import { unknownVariablesProblem } from '../properties/feelCheck';
import { idProblem } from '../properties/GeneralSection';
import { sampleProblems } from './problems';

describe('the supported subset in the modeler', () => {
  it('keeps only the listed palette and replace entries, in their order', () => {
    const palette = { 'hand-tool': 1, 'create.start-event': 2, 'create.task': 3, 'create.intermediate-event': 4, 'create.subprocess-expanded': 5,
      'create.end-event': 6, 'create.data-object': 7 };
    expect(Object.keys(keepEntries(palette, paletteKept))).toEqual(['hand-tool', 'create.start-event', 'create.end-event']);
    const replace = { 'replace-with-user-task': 1, 'replace-with-script-task': 2, 'replace-with-timer-start': 3, 'replace-with-inclusive-gateway': 4,
      'replace-with-parallel-gateway': 5 };
    expect(Object.keys(keepEntries(replace, replaceKept))).toEqual(['replace-with-user-task', 'replace-with-parallel-gateway']);
  });

  it('says the kept bpmn-js texts in Chinese and fills placeholders', () => {
    expect(translate('Create start event')).toBe('开始事件（用户提交时启动）');
    expect(translate('Unknown {what}', { what: 'x' })).toBe('Unknown x');
  });
});

describe('problems and checks of the process editor', () => {
  const problems = sampleProblems;

  it('finds the element a problem names, and groups problems by element', () => {
    expect(elementIdOf(problems[0]!)).toBe('Task_1');
    expect(elementIdOf(problems[2]!)).toBeUndefined();
    expect([...problemsByElement(problems)].map(([id, list]) => [id, list.length])).toEqual([['Task_1', 2]]);
  });

  it('names the variables a condition may not read, as it is typed', () => {
    expect(unknownVariablesProblem('outcome = "approve" and initiator.isMain')).toBeUndefined();
    expect(unknownVariablesProblem('')).toBeUndefined();
    expect(unknownVariablesProblem('result = "x" or result = "y"')).toBe('未知的变量「result」，可用的变量：outcome、comment、initiator、data');
  });

  it('refuses malformed and taken element ids', () => {
    const taken = (id: string) => id === 'Task_2';
    expect(idProblem('Task_1', 'Task_1', taken)).toBeUndefined();
    expect(idProblem('1abc', 'Task_1', taken)).toMatch(/以字母或下划线开头/);
    expect(idProblem('Task_2', 'Task_1', taken)).toBe('编号「Task_2」已被流程中的其他元素使用');
  });

  it('marks removed elements on the old diagram and added ones on the new, changed ones on both', () => {
    const elements = [{ id: 'A', type: 'bpmn:UserTask', op: 'add' as const }, { id: 'R', type: 'bpmn:UserTask', op: 'remove' as const },
      { id: 'C', type: 'bpmn:ServiceTask', op: 'change' as const }];
    expect(diffMarkers(elements, 'before')).toEqual({ R: 'zj-diff-remove', C: 'zj-diff-change' });
    expect(diffMarkers(elements, 'after')).toEqual({ A: 'zj-diff-add', C: 'zj-diff-change' });
  });
});
