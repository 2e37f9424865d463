import { Alert, Breadcrumb, Button, Card, Result, Space, Spin, Tabs, Typography } from 'antd';
import { useDesignerServices } from '../app/DesignerServices';
import { routeHash } from '../app/hashRoute';
import { kindEditors } from '../editors/registry';
import type { EditorProps } from '../editors/types';
import { kindLabel, StatusTags } from '../list';
import { DefinitionActions } from './DefinitionActions';
import { DiffPanel } from './DiffPanel';
import { ProblemsList } from './ProblemsList';
import { RawJsonEditor } from './RawJsonEditor';
import { SaveIndicator } from './SaveIndicator';
import { useDraft } from './useDraft';
import { VersionsPanel } from './VersionsPanel';

/**
 * One definition: its kind's visual editor (or the JSON editor), autosaved as a draft, its problems,
 * diff, versions, and publish / rollback / copy / discard for those who may edit it.
 */
export function DefinitionPage({ kind, definitionKey }: { kind: string; definitionKey: string }) {
  const { designer } = useDesignerServices();
  const draft = useDraft(designer, kind, definitionKey);
  const { detail, content } = draft;

  if (draft.loadError) return <Result status="warning" title={draft.loadError} extra={<a href={routeHash({ page: 'list', kind })}>返回列表</a>} />;
  if (!detail || !content) return <Spin size="large" style={{ display: 'block', marginTop: 120 }} />;

  const editable = detail.editable;
  const props: EditorProps = {
    kind, definitionKey, content, onChange: draft.change, readOnly: !editable, problems: draft.problems, api: designer,
  };
  const Visual = kindEditors[kind];
  const raw = <RawJsonEditor content={content} onChange={draft.change} readOnly={!editable} />;
  const tabs = [
    ...(Visual ? [{ key: 'visual', label: '编辑', children: <Visual {...props} /> }] : []),
    { key: 'json', label: Visual ? 'JSON' : '编辑（JSON）', children: raw },
    { key: 'diff', label: '对比', children: <DiffPanel api={designer} detail={detail} flush={draft.flush} /> },
    { key: 'versions', label: `版本历史（${detail.versions.length}）`, children: (
      <VersionsPanel api={designer} detail={detail} editable={editable} onRolledBack={() => void draft.reload()} />
    ) },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <a href={routeHash({ page: 'list', kind })}>{kindLabel(kind)}</a> }, { title: definitionKey }]} />
      <Card data-testid="definition-page"
        title={<Space><span>{(content.title as string | undefined) ?? detail.title}</span><Typography.Text code>{definitionKey}</Typography.Text></Space>}
        extra={<Space><StatusTags item={{ version: detail.inForce?.version ?? null, hasDraft: Boolean(detail.draft), editable }} />
          {editable && <SaveIndicator state={draft.saveState} error={draft.saveError} />}</Space>}>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {!editable && <Alert type="info" showIcon title="您可以查看此定义，但没有修改和发布它的权限。" />}
          {editable && <DefinitionActions api={designer} detail={detail} flush={draft.flush} reload={draft.reload} />}
          {editable && draft.unsaved && (
            <Alert type="warning" showIcon data-testid="unsaved-backup" title="本浏览器中有尚未保存到服务器的修改（例如登录超时前正在输入的内容）。"
              action={<Space><Button size="small" type="primary" onClick={draft.restoreUnsaved}>恢复这些修改</Button>
                <Button size="small" onClick={draft.dropUnsaved}>丢弃</Button></Space>} />
          )}
          {draft.saveError && <Alert type="error" showIcon title={`草稿未能保存：${draft.saveError}`} />}
          {editable && detail.draft && <ProblemsList problems={draft.problems} />}
          <Tabs items={tabs} destroyOnHidden />
        </Space>
      </Card>
    </Space>
  );
}
