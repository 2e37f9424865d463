import { describe, expect, it } from 'vitest';
import { nextYearOf } from './CopyDialog';
import { diffSummary } from './DiffTable';
import { problemsAt, readablePath } from './problems';

describe('definition page texts', () => {
  it('given last year\'s key and title, then the copy proposes next year\'s', () => {
    expect(nextYearOf('probation-2024')).toBe('probation-2025');
    expect(nextYearOf('2024 年度医师资格考试试用期填报规则')).toBe('2025 年度医师资格考试试用期填报规则');
  });

  it('given a problem\'s JSON pointer, then readers see where it is and the editor finds the rule it belongs to', () => {
    expect(readablePath('/rules/2/assert')).toBe('rules › 第 3 项 › assert');
    expect(readablePath('')).toBe('（整体）');
    const problems = [{ path: '/rules/2/assert', message: 'a' }, { path: '/rules/20/when', message: 'b' }, { path: '/rules/2', message: 'c' }];
    expect(problemsAt(problems, '/rules/2').map((p) => p.message)).toEqual(['a', 'c']);
  });

  it('given a diff, then the publish dialog counts what is added, changed and removed', () => {
    expect(diffSummary({ changes: [{ path: '/a', op: 'add' }, { path: '/b', op: 'replace' }, { path: '/c', op: 'replace' }] }))
      .toBe('新增 1 处、修改 2 处');
    expect(diffSummary({ changes: [] })).toBe('没有变化');
  });
});
