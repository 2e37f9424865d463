import { fireEvent, render, screen } from '@testing-library/react';
import { HttpClient } from '@zjrj/runtime-ui';
import { describe, expect, it } from 'vitest';
import { DesignerApi } from '../../api/DesignerApi';
import { ElementDiff } from '../ElementDiff';
import { ProcessDiff } from '../ProcessDiff';
import { ElementProblems } from '../problems/ElementProblems';
import { sampleProblems } from './problems';

describe('ElementDiff', () => {
  it('names each changed element with what happened to it, and draws no diagram without both XMLs', () => {
    render(<ElementDiff elements={[
      { id: 'Task_New', type: 'bpmn:UserTask', name: '复核', op: 'add' },
      { id: 'Flow_Old', type: 'bpmn:SequenceFlow', op: 'remove' },
      { id: 'Gateway_1', type: 'bpmn:ExclusiveGateway', name: '审核结果', op: 'change' },
    ]} />);
    expect(screen.getByTestId('element-diff').textContent).toBe('新增：复核删除：Flow_Old修改：审核结果');
    expect(screen.queryByTestId('diff-diagram')).toBeNull();
  });

  it('says when the diagram did not change', () => {
    render(<ElementDiff elements={[]} before="<x/>" after="<x/>" />);
    screen.getByText('流程图没有变化');
  });
});

describe('ElementProblems', () => {
  const problems = sampleProblems;

  it('lists the elements with problems by name; a click selects the element', () => {
    const selected: string[] = [];
    render(<ElementProblems problems={problems} nameOf={(id) => (id === 'Task_1' ? '初审' : id)} onSelect={(id) => selected.push(id)} />);
    fireEvent.click(screen.getByText('初审（2）'));
    expect(selected).toEqual(['Task_1']);
  });

  it('shows nothing when no problem names an element', () => {
    const { container } = render(<ElementProblems problems={problems.slice(2)} nameOf={(id) => id} onSelect={() => undefined} />);
    expect(container.textContent).toBe('');
  });
});

describe('ProcessDiff', () => {
  it('asks for both sides, and when the diagrams cannot be loaded still lists the changed elements with the reason', async () => {
    const asked: string[] = [];
    const fetch = async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify({ errors: [{ code: 'NOT_FOUND', message: '该版本不存在' }] }), { status: 404, headers: { 'Content-Type': 'application/json' } });
    };
    render(<ProcessDiff api={new DesignerApi(new HttpClient({ fetch }))} definitionKey="personTransfer" from={1} to={2}
      elements={[{ id: 'Task_New', type: 'bpmn:UserTask', name: '复核', op: 'add' }]} />);
    await screen.findByText('流程图无法加载：该版本不存在');
    expect(screen.getByTestId('element-diff').textContent).toBe('新增：复核');
    expect(asked.sort()).toEqual(['/api/designer/definitions/process/personTransfer/versions/1', '/api/designer/definitions/process/personTransfer/versions/2']);
  });
});
