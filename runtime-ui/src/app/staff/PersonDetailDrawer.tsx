import { Alert, Drawer, Spin, Tabs } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { EntityForm, type CompletenessView, type EntityDefinition, type RecordItem } from '../../lib';
import { RecordList } from '../records';
import type { CompletenessLoader } from './completeness';
import { MissingList } from './CompletenessTag';
import { scopedToOwner, type DetailEntity } from './detailEntities';
import { useDetailEntities } from './useDetailEntities';

function CompletenessSummary({ loader, id }: { loader: CompletenessLoader; id: string }) {
  const [view, setView] = useState<CompletenessView>();
  useEffect(() => {
    let live = true;
    loader.load(id).then((v) => { if (live) setView(v); }, () => undefined);
    return () => { live = false; };
  }, [loader, id]);
  if (!view) return null;
  if (view.complete) return <Alert type="success" showIcon style={{ marginBottom: 16 }} title="预报名所需资料已填写完整" />;
  return <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`预报名所需资料还缺 ${view.missing.length} 项`}
    description={<MissingList view={view} />} />;
}

/** One detail entity's records of this person, added with the person preset (not asked again). */
function DetailTab({ detail, ownerId, onChanged }: { detail: DetailEntity; ownerId: string; onChanged(): void }) {
  const definition = useMemo(() => scopedToOwner(detail.definition, detail.field), [detail]);
  return <RecordList definition={definition} actions={detail.item.actions}
    extras={{ filters: { [detail.field]: ownerId }, initial: { [detail.field]: ownerId }, onChanged }} />;
}

export interface PersonDetailDrawerProps {
  definition: EntityDefinition;
  record: RecordItem;
  loader: CompletenessLoader;
  onClose(): void;
  /** A detail record was added, changed or deleted (completeness may differ now). */
  onChanged(): void;
}

/** A person: 基本信息 (read-only, with what is still missing) and one tab per detail entity (学历信息 …). */
export function PersonDetailDrawer({ definition, record, loader, onClose, onChanged }: PersonDetailDrawerProps) {
  const details = useDetailEntities(definition.key);
  const name = definition.titleField ? String(record.data[definition.titleField] ?? '') : '';
  const basic = {
    key: '__basic', label: '基本信息',
    children: (
      <>
        <CompletenessSummary loader={loader} id={record.id} />
        <EntityForm schema={definition.schema} uiSchema={definition.uiSchema} formData={record.data} readonly submitText={false} />
      </>
    ),
  };
  const tabs = details.status === 'ready' ? details.value.map((detail) => ({
    key: detail.definition.key, label: detail.item.title,
    children: <DetailTab detail={detail} ownerId={record.id} onChanged={onChanged} />,
  })) : [];
  return (
    <Drawer open title={`人员详情：${name}`} size={1000} onClose={onClose} destroyOnHidden data-testid="person-detail-drawer">
      {details.status === 'failed' && <Alert type="error" showIcon title={details.message} style={{ marginBottom: 16 }} />}
      <Tabs items={[basic, ...tabs]} destroyOnHidden />
      {details.status === 'loading' && <Spin />}
    </Drawer>
  );
}
