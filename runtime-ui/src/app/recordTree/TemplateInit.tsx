import { Alert, App, Button, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api';
import { useAppServices } from '../AppServices';
import { useLoadable } from '../common';

export interface TemplateInitProps {
  entity: string;
  /** The entity's title, e.g. 部门: the button says 初始化部门. */
  title: string;
  onApplied(): void;
}

/**
 * 初始化部门: when there are no records yet, create a template's records (a department tree
 * from a definition) to adjust afterwards. Shown only when the engine offers templates.
 */
export function TemplateInit({ entity, title, onApplied }: TemplateInitProps) {
  const { api } = useAppServices();
  const { message } = App.useApp();
  const templates = useLoadable(() => api.templates(entity), [api, entity]);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [applying, setApplying] = useState(false);
  if (templates.status !== 'ready' || templates.value.length === 0) return null;
  const picked = templates.value.find((t) => t.key === chosen);

  const apply = async () => {
    if (!picked) return;
    setApplying(true);
    setProblem(undefined);
    try {
      const { created } = await api.applyTemplate(entity, picked.key);
      message.success(`初始化完成，已创建 ${created} 个${title}，可以再按本单位实际情况调整。`);
      setOpen(false);
      onApplied();
    } catch (e) {
      setProblem(errorMessage(e));
      if (e instanceof ApiError && e.hasCode('NOT_EMPTY')) onApplied();
    } finally {
      setApplying(false);
    }
  };

  return (
    <>
      <Button type="primary" onClick={() => { setOpen(true); setProblem(undefined); }}>初始化{title}</Button>
      <Modal open={open} title={`初始化${title}`} onCancel={() => setOpen(false)} onOk={() => void apply()} okText="确定初始化"
        cancelText="取消" confirmLoading={applying} okButtonProps={{ disabled: !picked }} destroyOnHidden>
        <Typography.Paragraph>
          请选择一个模板。系统将按模板创建一批{title}，创建后可以修改、删除或继续添加。只有在还没有任何{title}时才能初始化。
        </Typography.Paragraph>
        {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />}
        <Radio.Group value={chosen} onChange={(e) => setChosen(e.target.value as string)} style={{ width: '100%' }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {templates.value.map((t) => (
              <Radio key={t.key} value={t.key}>
                <Typography.Text strong>{t.title}</Typography.Text>
                <Typography.Text type="secondary">（将创建 {t.count} 个{title}）</Typography.Text>
                {t.description && <div><Typography.Text type="secondary">{t.description}</Typography.Text></div>}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Modal>
    </>
  );
}
