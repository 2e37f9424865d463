import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FeelInput, feelSyntaxMessage } from './FeelInput';

describe('FeelInput', () => {
  it('given an incomplete expression, then the syntax problem is said in Chinese with where it is', async () => {
    render(<FeelInput label="须满足" value="startDate <= " onChange={() => undefined} variables={[]} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/^第 \d+ 个字符.*处表达式不完整/);
  });

  it('given a valid expression, then no problem is shown', async () => {
    render(<FeelInput label="须满足" value="startDate <= endDate" onChange={() => undefined} variables={[]} />);
    await screen.findByLabelText('须满足');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('translates feel-lint\'s messages', () => {
    expect(feelSyntaxMessage({ from: 4, to: 5, severity: 'error', message: 'Unrecognized token <x> in <y>' }, 'a = ]'))
      .toBe('第 5 个字符（“]”）处有无法识别的内容：请检查拼写、运算符和引号（须用英文半角符号）。');
  });
});
