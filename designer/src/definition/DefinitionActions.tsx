import type { DefinitionDetail } from '@zjrj/engine/contract';
import { errorMessage } from '@zjrj/runtime-ui';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import type { DesignerApi } from '../api/DesignerApi';
import { goTo } from '../app/hashRoute';
import { CopyDialog } from './CopyDialog';
import { PublishDialog } from './PublishDialog';

interface Props {
  api: DesignerApi;
  detail: DefinitionDetail;
  flush(): Promise<void>;
  reload(): Promise<void>;
}

/** 发布 / 放弃草稿 / 复制为新定义 of an editable definition. */
export function DefinitionActions({ api, detail, flush, reload }: Props) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'publish' | 'copy'>();
  const title = detail.draft?.content.title as string | undefined ?? detail.title;

  const openPublish = async () => {
    await flush();
    setDialog('publish');
  };
  const discard = async () => {
    try {
      await api.discardDraft(detail.kind, detail.key);
      void message.success('草稿已放弃。');
      await reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <Space wrap>
      <Button type="primary" disabled={!detail.draft} onClick={() => void openPublish()}>发布</Button>
      {detail.draft && (
        <Popconfirm title="放弃草稿？" description="草稿中的修改将被删除，生效中的版本不受影响。" okText="放弃草稿" cancelText="取消"
          onConfirm={discard}>
          <Button danger>放弃草稿</Button>
        </Popconfirm>
      )}
      {detail.inForce && <Button onClick={() => setDialog('copy')}>复制为新定义</Button>}
      <PublishDialog api={api} detail={detail} open={dialog === 'publish'} onClose={() => setDialog(undefined)}
        onPublished={(version) => {
          setDialog(undefined);
          void message.success(`已发布 v${version}，立即生效。`);
          void reload();
        }} />
      <CopyDialog api={api} kind={detail.kind} definitionKey={detail.key} title={title} open={dialog === 'copy'}
        onClose={() => setDialog(undefined)}
        onCopied={(toKey) => {
          setDialog(undefined);
          void message.success(`已复制为 ${toKey}（草稿），请修改后发布。`);
          goTo({ page: 'definition', kind: detail.kind, key: toKey });
        }} />
    </Space>
  );
}
