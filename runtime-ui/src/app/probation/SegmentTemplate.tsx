import type { ArrayFieldItemTemplateProps } from '@rjsf/utils';
import { getTemplate, getUiOptions } from '@rjsf/utils';
import { Card, Space } from 'antd';

/** Each item of the entry as a card 第 N 段, with its 删除 button in the corner. */
export function SegmentTemplate({ children, buttonsProps, hasToolbar, index, registry, uiSchema }: ArrayFieldItemTemplateProps) {
  const Buttons = getTemplate('ArrayFieldItemButtonsTemplate', registry, getUiOptions(uiSchema));
  return (
    <Card size="small" title={`第 ${index + 1} 段`} style={{ marginBottom: 12 }} data-testid={`segment-${index}`}
      extra={hasToolbar ? <Space.Compact><Buttons {...buttonsProps} /></Space.Compact> : undefined}>
      {children}
    </Card>
  );
}
