import type { ElementChange } from '@zjrj/engine/contract';
import { Alert, Spin } from 'antd';
import type { DesignerApi } from '../api/DesignerApi';
import type { DiffViewProps } from '../editors/types';
import { useLoaded } from '../definition/useLoaded';
import { ElementDiff } from './ElementDiff';

export interface ProcessDiffProps {
  api: DesignerApi;
  definitionKey: string;
  from: number;
  to: number | 'draft';
  /** `DefinitionDiff.elements` of the same two sides. */
  elements: ElementChange[];
}

const bpmnOf = (content: Record<string, unknown> | undefined): string => (typeof content?.bpmn === 'string' ? content.bpmn : '');

/** The element diff of a process with both diagrams: loads the two sides' BPMN (a version, or the draft). */
export function ProcessDiff({ api, definitionKey, from, to, elements }: ProcessDiffProps) {
  const sides = useLoaded(async () => {
    const side = async (which: number | 'draft') => bpmnOf(which === 'draft'
      ? (await api.get('process', definitionKey)).draft?.content
      : await api.version('process', definitionKey, which));
    const [before, after] = await Promise.all([side(from), side(to)]);
    return { before, after };
  }, [api, definitionKey, from, to]);
  if (sides.loading) return <Spin />;
  if (sides.error) return <><Alert type="warning" showIcon title={`流程图无法加载：${sides.error}`} /><ElementDiff elements={elements} /></>;
  return <ElementDiff elements={elements} before={sides.value?.before || undefined} after={sides.value?.after || undefined} />;
}

/** `kindDiffViews.process`: the diagrams of a diff that changed elements. */
export function ProcessDiffView({ api, definitionKey, from, to, diff }: DiffViewProps) {
  return diff.elements?.length ? <ProcessDiff api={api} definitionKey={definitionKey} from={from} to={to} elements={diff.elements} /> : null;
}
