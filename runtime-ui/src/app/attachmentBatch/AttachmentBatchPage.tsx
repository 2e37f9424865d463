import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Result, Select, Space, Spin } from 'antd';
import { useState } from 'react';
import { errorMessage, type AttachmentBatchItem, type AttachmentBatchUpload, type EntityDefinition, type MenuAction } from '../../api';
import { useAppServices } from '../AppServices';
import { useLoadable } from '../common';
import { useEntityDefinition } from '../records';
import { entityPath, navigate } from '../router';
import {
  attachmentBatchPath, batchDeclaration, chunks, mergeUploads, STATUS_OPTIONS, type BatchDeclaration, type StatusFilter,
} from './batchView';
import { DepartmentTables } from './DepartmentTables';
import { UploadResult, UploadZone } from './UploadZone';

interface BatchProps { definition: EntityDefinition; declaration: BatchDeclaration }

function BatchBody({ definition, declaration }: BatchProps) {
  const { api } = useAppServices();
  const { message, modal } = App.useApp();
  const entity = definition.key;
  const [year, setYear] = useState<number>();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [q, setQ] = useState('');
  const [uploading, setUploading] = useState(false);
  const [result, setResult] = useState<AttachmentBatchUpload>();
  const list = useLoadable(() => api.attachmentBatches.list(entity, { examYear: year, q: q || undefined,
    status: status === 'all' ? undefined : status }), [api, entity, year, status, q]);
  const loaded = list.status === 'ready' ? list.value : undefined;
  const shownYear = year ?? loaded?.examYear ?? undefined;

  const upload = async (files: File[]) => {
    if (shownYear === undefined) return;
    setUploading(true);
    try {
      const parts: AttachmentBatchUpload[] = [];
      for (const batch of chunks(files)) {
        parts.push(await api.attachmentBatches.upload(entity, shownYear, batch.map((file) => ({ file, name: file.name }))));
      }
      setResult(mergeUploads(parts));
      list.reload();
    } catch (e) {
      modal.error({ title: '上传失败', content: errorMessage(e), okText: '知道了' });
    } finally {
      setUploading(false);
    }
  };
  const remove = (item: AttachmentBatchItem) => api.attachmentBatches.remove(entity, item.personId, shownYear!).then(
    () => { message.success(`已删除「${item.name}」的${declaration.fieldTitle}`); list.reload(); },
    (e: unknown) => { modal.error({ title: '无法删除', content: errorMessage(e), okText: '知道了' }); });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Select aria-label="考试年度" style={{ width: 160 }} value={shownYear} placeholder="考试年度" onChange={setYear}
          options={(loaded?.years ?? []).map((y) => ({ value: y, label: `${y} 年度` }))} />
        <Select aria-label="上传状态" style={{ width: 140 }} value={status} onChange={setStatus} options={[...STATUS_OPTIONS]} />
        <Input.Search allowClear enterButton="搜索" style={{ width: 360 }} aria-label="搜索"
          placeholder="按姓名、证件号码或科室搜索" onSearch={(text) => setQ(text.trim())} />
      </Space>
      {loaded && loaded.years.length === 0 && <Alert type="warning" showIcon
        title={`尚未发布任何年度的${definition.title}填报规则，暂无需要上传${declaration.fieldTitle}的人员。`} />}
      <UploadZone declaration={declaration} uploading={uploading} disabled={shownYear === undefined}
        onFiles={(files) => void upload(files)} />
      {result && <UploadResult result={result} onClose={() => setResult(undefined)} />}
      {list.status === 'failed' && <Alert type="error" showIcon title={list.message} />}
      <DepartmentTables items={loaded?.items ?? []} declaration={declaration} loading={list.pending} onRemove={remove} />
    </Space>
  );
}

/**
 * 批量导入附件信息 (R-7.4, `/data/:entity/attachment-batch`): the persons the entity's
 * `attachmentBatch` rule asks the attachment of in an exam year, folded by department, with
 * 已上传/未上传, thumbnails and 删除; a drop zone for many files at once, matched by the server to
 * persons by the ID numbers in the file names, and the files it could not match with reasons.
 */
export function AttachmentBatchPage({ entity, actions, from }: { entity: string; actions: readonly MenuAction[]; from?: string }) {
  const definition = useEntityDefinition(entity);
  if (definition.status === 'loading') return <Spin />;
  if (definition.status === 'failed') return <Result status="warning" title="无法打开此页面" subTitle={definition.message} />;
  const declaration = batchDeclaration(definition.value);
  if (!declaration) return <Result status="404" title="此功能没有批量导入附件信息" />;
  if (!actions.includes('update')) {
    return <Result status="403" title="没有访问权限"
      subTitle={`上传${declaration.fieldTitle}需要「${definition.value.title}」的修改权限，请联系本单位总账号分配权限。`} />;
  }
  return (
    <Card title={declaration.title} extra={(
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(entityPath(entity))}>
        {`返回${from ?? definition.value.title}`}
      </Button>)}>
      <BatchBody definition={definition.value} declaration={declaration} />
    </Card>
  );
}

/** 批量导入附件信息 on an entity's page: shown when the entity declares it and the user may update its records. */
export function AttachmentBatchButton({ definition, actions }: { definition: EntityDefinition; actions: readonly MenuAction[] }) {
  const declaration = batchDeclaration(definition);
  if (!declaration || !actions.includes('update')) return null;
  return <Button onClick={() => navigate(attachmentBatchPath(definition.key))}>{declaration.title}</Button>;
}
