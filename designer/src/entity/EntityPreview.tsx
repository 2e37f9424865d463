import { Alert, Empty } from 'antd';
import { EntityForm, type SchemaNode, type UiSchemaNode } from '@zjrj/runtime-ui';
import { Component, type ReactNode } from 'react';

/** A schema rjsf cannot render (half-typed JSON) shows a notice instead of breaking the editor; a new schema tries again. */
class PreviewBoundary extends Component<{ children: ReactNode; schema: unknown }, { failed: boolean; schema: unknown }> {
  override state = { failed: false, schema: undefined as unknown };
  static getDerivedStateFromError() { return { failed: true }; }
  static getDerivedStateFromProps(props: { schema: unknown }, state: { failed: boolean; schema: unknown }) {
    return props.schema === state.schema ? null : { failed: false, schema: props.schema };
  }
  override render() {
    return this.state.failed ? <Alert type="warning" showIcon title="当前的表单定义无法预览，请根据上方的问题提示修改。" /> : this.props.children;
  }
}

/**
 * The draft form as users will get it: the engine presents the draft schema as it serves published
 * ones (`usePresentedSchema`) and the runtime's own EntityForm renders it. Typing in the preview
 * tries the checks (required, formats, conditions) without saving anything.
 */
export function EntityPreview({ presented, error, uiSchema }: { presented: SchemaNode | undefined; error: string | undefined; uiSchema: UiSchemaNode }) {
  if (!presented) return error ? <Alert type="warning" showIcon title={error} /> : <Empty description="正在生成预览…" />;
  return (
    <div data-testid="entity-preview">
      {error && <Alert type="warning" showIcon title={`预览未更新：${error}`} style={{ marginBottom: 8 }} />}
      <PreviewBoundary schema={presented}>
        <EntityForm schema={presented} uiSchema={uiSchema} idPrefix="preview" submitText="试填校验" />
      </PreviewBoundary>
    </div>
  );
}
