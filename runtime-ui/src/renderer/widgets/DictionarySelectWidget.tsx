import type { WidgetProps } from '@rjsf/utils';
import { ariaDescribedByIds } from '@rjsf/utils';
import { Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Dictionary } from '../../api';
import { useRendererServices } from '../refs/RendererServices';
import { buildChoiceTree, type ChoiceOption } from './dictionaryTree';

const FULL_WIDTH = { width: '100%' };

/** Options of the served `oneOf`; a disabled item (`x-disabled`) stays, greyed out, so an old record's value keeps its label. */
function choiceOptions(props: WidgetProps): ChoiceOption[] {
  return (props.options.enumOptions ?? []).map((o) => {
    const schema = o.schema as Record<string, unknown> | undefined;
    const disabled = schema?.['x-disabled'] === true;
    return {
      value: String(o.value),
      label: disabled ? `${o.label}（已停用）` : o.label,
      parent: schema?.['x-parent'] as string | undefined,
      ...(disabled ? { disabled } : {}),
    };
  });
}

const byLabelOrCode = (input: string, option?: { label?: unknown; value?: unknown }): boolean => {
  const needle = input.trim().toLowerCase();
  return String(option?.label ?? '').toLowerCase().includes(needle) || String(option?.value ?? '').toLowerCase().startsWith(needle);
};

/** Tree nodes match like options: by label, or by the start of their code (e.g. D99). */
const treeSearch = {
  filterTreeNode: (input: string, node: { title?: unknown; value?: unknown }) => byLabelOrCode(input, { label: node.title, value: node.value }),
};

/** The full dictionary of a tree-shaped field, when a DictionarySource is available. */
function useDictionary(key: unknown, tree: boolean): Dictionary | undefined {
  const { dictionaries } = useRendererServices();
  const [dictionary, setDictionary] = useState<Dictionary>();
  useEffect(() => {
    if (!tree || !dictionaries || typeof key !== 'string') return undefined;
    let live = true;
    dictionaries.dictionary(key).then((d) => { if (live) setDictionary(d); }, () => undefined);
    return () => { live = false; };
  }, [dictionaries, key, tree]);
  return dictionary;
}

/**
 * A dictionary field (`oneOf` of `{const, title}`): a select searchable by label or code, or a
 * tree select when the items have parents (e.g. 科室标准名称).
 */
export function DictionarySelectWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, onBlur, onFocus, schema, placeholder } = props;
  const options = useMemo(() => choiceOptions(props), [props.options.enumOptions]);
  const isTree = options.some((o) => o.parent !== undefined);
  const dictionary = useDictionary(schema['x-dictionary'], isTree);
  const treeData = useMemo(() => (isTree ? buildChoiceTree(options, dictionary) : []), [isTree, options, dictionary]);
  const common = {
    id,
    style: FULL_WIDTH,
    value: value === undefined || value === '' ? undefined : String(value),
    allowClear: true,
    disabled: disabled || readonly,
    placeholder: placeholder || '请选择（可输入文字搜索）',
    notFoundContent: '没有匹配的选项',
    onChange: (next: string | undefined) => onChange(next ?? undefined),
    onBlur: () => onBlur(id, value),
    onFocus: () => onFocus(id, value),
    'aria-describedby': ariaDescribedByIds(id),
  };
  if (isTree) {
    return <TreeSelect {...common} treeData={treeData} showSearch={treeSearch} treeDefaultExpandAll={false} />;
  }
  return <Select {...common} options={options} showSearch={{ filterOption: byLabelOrCode }} />;
}
