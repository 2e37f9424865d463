import type { WidgetProps } from '@rjsf/utils';
import { ariaDescribedByIds } from '@rjsf/utils';
import { Select } from 'antd';
import { useState } from 'react';
import type { RefAnnotation } from '../../api';
import { useRendererServices } from '../refs/RendererServices';
import { useRefOptions } from '../refs/useRefOptions';

const FULL_WIDTH = { width: '100%' };

/**
 * A field holding the id of another entity's record (`x-ref`): a searchable select over that
 * entity's records, named by its titleField. Searching asks the server (`q`), so long lists work.
 */
export function RefSelectWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, onBlur, onFocus, schema, placeholder } = props;
  const ref = schema['x-ref'] as RefAnnotation | undefined;
  const { refs } = useRendererServices();
  const [text, setText] = useState('');
  const current = typeof value === 'string' && value !== '' ? value : undefined;
  const { options, loading } = useRefOptions(refs, ref, text, current);

  return (
    <Select
      id={id}
      style={FULL_WIDTH}
      value={current}
      options={options}
      loading={loading}
      allowClear
      disabled={disabled || readonly}
      placeholder={placeholder || '请选择（可输入关键字搜索）'}
      notFoundContent={loading ? '正在加载…' : '没有找到匹配的记录'}
      showSearch={{ filterOption: false, onSearch: setText }}
      onChange={(next: string | undefined) => { setText(''); onChange(next ?? undefined); }}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
      aria-describedby={ariaDescribedByIds(id)}
    />
  );
}
