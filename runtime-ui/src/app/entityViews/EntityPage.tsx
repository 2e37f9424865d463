import { Result, Spin } from 'antd';
import { Suspense } from 'react';
import type { MenuAction } from '../../api';
import { RecordList } from '../records';
import { useEntityDefinition } from '../records/useEntityDefinition';
import { useActiveSession } from '../session';
import { chooseView } from './viewRegistry';

/**
 * `/data/:entity`: the page the entity's definition asks for (`ui:view`: a tree, a singleton form,
 * a mapping list), or the flat record list.
 */
export function EntityPage({ entity, actions }: { entity: string; actions: readonly MenuAction[] }) {
  const definition = useEntityDefinition(entity);
  const { user } = useActiveSession();
  if (definition.status === 'loading') return <Spin />;
  if (definition.status === 'failed') return <Result status="warning" title="无法打开此页面" subTitle={definition.message} />;
  const View = chooseView(definition.value, user.orgLevel)?.Page ?? RecordList;
  return (
    <Suspense fallback={<Spin />}>
      <View key={entity} definition={definition.value} actions={actions} />
    </Suspense>
  );
}
