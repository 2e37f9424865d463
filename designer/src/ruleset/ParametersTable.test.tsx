import { fireEvent, render, screen } from '@testing-library/react';
import type { RuleParameter } from '@zjrj/engine/rules';
import { describe, expect, it } from 'vitest';
import { ParametersTable } from './ParametersTable';

const parameters: Record<string, RuleParameter> = {
  minimumMonths: { title: '试用期最短总时长（月）', type: 'number', value: 12 },
  onDutyStatus: { title: '可填报试用期的在职状态', type: 'string', value: '1' },
};

function renderTable() {
  const changes: Array<Record<string, RuleParameter>> = [];
  render(<ParametersTable parameters={parameters} readOnly={false} onChange={(p) => changes.push(p)} />);
  return changes;
}

describe('ParametersTable', () => {
  it('given a new valid name, when the field is left, then the parameter is renamed in place with its value', () => {
    const changes = renderTable();
    const name = screen.getByLabelText('参数名 minimumMonths');
    fireEvent.change(name, { target: { value: 'minMonths' } });
    fireEvent.blur(name);
    expect(Object.keys(changes.at(-1)!)).toEqual(['minMonths', 'onDutyStatus']);
    expect(changes.at(-1)!.minMonths).toEqual(parameters.minimumMonths);
  });

  it('given a taken or malformed name, then it says why and leaving the field restores the old name', () => {
    const changes = renderTable();
    const name = screen.getByLabelText('参数名 minimumMonths');
    fireEvent.change(name, { target: { value: 'onDutyStatus' } });
    expect(screen.getByText(/已有同名参数/)).toBeTruthy();
    fireEvent.change(name, { target: { value: '2月' } });
    expect(screen.getByText(/须以小写字母开头/)).toBeTruthy();
    fireEvent.blur(name);
    expect(changes).toEqual([]);
    expect((name as HTMLInputElement).value).toBe('minimumMonths');
  });

  it('given a typed value, then a number stays a number', () => {
    const changes = renderTable();
    fireEvent.change(screen.getByLabelText('试用期最短总时长（月）'), { target: { value: '18' } });
    expect(changes.at(-1)!.minimumMonths!.value).toBe(18);
  });
});
