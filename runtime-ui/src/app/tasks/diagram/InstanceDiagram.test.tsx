import { render, screen } from '@testing-library/react';
import { useEffect, type ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import { taskEngine, type Reply } from '../tasksTestKit';
import { InstanceDiagram } from './InstanceDiagram';
import type { DiagramCanvasProps } from './types';

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D">
  <bpmn:process id="P" name="机构信息修改审核">
    <bpmn:startEvent id="Start" name="提交修改申请" />
    <bpmn:userTask id="Review" name="上级卫生健康局审核" />
    <bpmn:userTask id="Revise" name="申请人修改后重新提交" />
  </bpmn:process>
</bpmn:definitions>`;
const DIAGRAM = '/api/workflow/instances/i1/diagram';

/** Draws nothing: shows what it was given (bpmn-js itself is exercised in the browser test). */
function StubCanvas({ bpmn, activeNodeIds, doneNodeIds }: DiagramCanvasProps) {
  return <p data-testid="stub-canvas">{`${bpmn.length > 0}|${activeNodeIds.join(',')}|${doneNodeIds.join(',')}`}</p>;
}
function FailingCanvas({ onError }: DiagramCanvasProps) {
  useEffect(() => onError(new Error('no SVG')), [onError]);
  return null;
}

function show(reply: Reply, Canvas: ComponentType<DiagramCanvasProps> = StubCanvas) {
  const engine = taskEngine((request) => (request.url === DIAGRAM ? reply : undefined));
  render(<InstanceDiagram instanceId="i1" Canvas={Canvas} />, { wrapper: engine.wrapper });
  return engine;
}

const ready: Reply = { status: 200, body: { processKey: 'institutionChange', processVersion: 2, title: '机构信息修改审核', bpmn: BPMN,
  activeNodeIds: ['Revise'], doneNodeIds: ['Start', 'Review'] } };

describe('流程图 of an instance', () => {
  it('gives the canvas the BPMN and the nodes to mark, and says in words where the instance stands', async () => {
    const engine = show(ready);
    expect((await screen.findByTestId('stub-canvas')).textContent).toBe('true|Revise|Start,Review');
    expect(screen.getByTestId('diagram-active').textContent).toBe('当前环节申请人修改后重新提交');
    expect(screen.getByTestId('diagram-done').textContent).toBe('已完成提交修改申请、上级卫生健康局审核');
    expect(engine.count('GET', DIAGRAM)).toBe(1);
  });

  it('says the process ended when no node is active', async () => {
    show({ status: 200, body: { ...(ready.body as object), activeNodeIds: [] } });
    expect((await screen.findByTestId('diagram-active')).textContent).toBe('当前环节流程已结束');
  });

  it('falls back to words when the diagram cannot be drawn or read', async () => {
    show(ready, FailingCanvas);
    await screen.findByText('流程图暂时无法显示，可参考下方的流程记录。');
    expect(screen.getByTestId('diagram-active').textContent).toContain('申请人修改后重新提交');
  });

  it('shows why when the server refuses the diagram (404 for an instance the user may not see)', async () => {
    show({ status: 404, body: { errors: [{ code: 'NOT_FOUND', message: '该流程不存在，或您无权查看。' }] } });
    await screen.findByText('流程图暂时无法显示，可参考下方的流程记录。（该流程不存在，或您无权查看。）');
    expect(screen.queryByTestId('stub-canvas')).toBeNull();
  });
});
