import type { DefinitionProblem } from '@zjrj/engine/contract';
import { Alert, Space, Tag } from 'antd';
import { problemsByElement } from './elementIds';

export interface ElementProblemsProps {
  problems: DefinitionProblem[];
  /** The element's name as the diagram shows it (its id when unnamed or gone). */
  nameOf(elementId: string): string;
  /** Selects the element on the canvas (the properties panel then shows its problems). */
  onSelect(elementId: string): void;
}

/**
 * The elements the engine's problems name, beside the diagram: each one a link that selects it.
 * Nothing when none has a problem (the page lists every problem, and says when there are none).
 */
export function ElementProblems({ problems, nameOf, onSelect }: ElementProblemsProps) {
  const byElement = [...problemsByElement(problems)];
  if (byElement.length === 0) return null;
  return (
    <Alert type="error" showIcon data-testid="process-problems" style={{ marginBottom: 12 }}
      title="以下元素有问题（点击定位，右侧显示原因）："
      description={(
        <Space wrap size={4}>
          {byElement.map(([id, list]) => (
            <Tag key={id} color="red" style={{ cursor: 'pointer' }} title={list.map((p) => p.message).join('\n')} onClick={() => onSelect(id)}>
              {nameOf(id)}{list.length > 1 ? `（${list.length}）` : ''}
            </Tag>
          ))}
        </Space>
      )} />
  );
}
