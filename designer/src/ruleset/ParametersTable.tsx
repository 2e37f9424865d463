import type { RuleParameter } from '@zjrj/engine/rules';
import { Button, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ParameterValueInput } from './ParameterValueInput';
import { withField } from './rulesetContent';

type Parameters = Record<string, RuleParameter>;
interface Row { name: string; parameter: RuleParameter }

const typeOptions = [
  { value: 'date', label: '日期' }, { value: 'number', label: '数字' }, { value: 'string', label: '文本' },
  { value: 'boolean', label: '是/否' }, { value: 'list', label: '列表' },
];
const defaults: Record<string, unknown> = { date: '2025-01-01', number: 0, string: '', boolean: false, list: [] };

function freeName(parameters: Parameters): string {
  let n = Object.keys(parameters).length + 1;
  while (`param${n}` in parameters) n += 1;
  return `param${n}`;
}

const IDENTIFIER = /^[a-z][a-zA-Z0-9]*$/;

/** A parameter's name, renamed on leaving the field when it is a free identifier (rules refer to it by this name). */
function NameInput({ name, taken, onRename }: { name: string; taken: (n: string) => boolean; onRename(next: string): void }) {
  const [text, setText] = useState(name);
  const problem = text === name ? undefined : !IDENTIFIER.test(text) ? '须以小写字母开头，只含英文字母和数字'
    : taken(text) ? '已有同名参数' : undefined;
  return (
    <div>
      <Input value={text} status={problem ? 'error' : undefined} aria-label={`参数名 ${name}`} style={{ fontFamily: 'monospace' }}
        onChange={(e) => setText(e.target.value.trim())} onBlur={() => (problem || text === name ? setText(name) : onRename(text))} />
      {problem && <Typography.Text type="danger" style={{ fontSize: 12 }}>{problem}（离开输入框将恢复原名）</Typography.Text>}
    </div>
  );
}

/** 参数: the values a bureau changes each year (dates, minimum months …), each with its typed input. */
export function ParametersTable({ parameters, readOnly, onChange }: { parameters: Parameters; readOnly: boolean; onChange(p: Parameters): void }) {
  const set = (name: string, parameter: RuleParameter) => onChange({ ...parameters, [name]: parameter });
  const remove = (name: string) => onChange(Object.fromEntries(Object.entries(parameters).filter(([n]) => n !== name)));
  const rename = (from: string, to: string) => onChange(Object.fromEntries(Object.entries(parameters).map(([n, p]) => [n === from ? to : n, p])));
  const rows: Row[] = Object.entries(parameters).map(([name, parameter]) => ({ name, parameter }));

  const columns: ColumnsType<Row> = [
    {
      title: '参数名（规则中引用）', dataIndex: 'name', width: 200,
      render: (name: string) => (readOnly ? <Typography.Text code>{name}</Typography.Text>
        : <NameInput name={name} taken={(n) => n in parameters} onRename={(next) => rename(name, next)} />),
    },
    {
      title: '标题', key: 'title', render: (_, { name, parameter }) => (
        <Input value={parameter.title ?? ''} readOnly={readOnly} aria-label={`${name} 标题`}
          onChange={(e) => set(name, withField(parameter, 'title', e.target.value))} />
      ),
    },
    {
      title: '类型', key: 'type', width: 100, render: (_, { name, parameter }) => (
        <Select value={parameter.type ?? 'string'} options={typeOptions} disabled={readOnly} aria-label={`${name} 类型`} style={{ width: 90 }}
          onChange={(type) => set(name, { ...parameter, type, value: defaults[type] })} />
      ),
    },
    {
      title: '值', key: 'value', width: 200, render: (_, { name, parameter }) => (
        <ParameterValueInput parameter={parameter} label={parameter.title ?? name} readOnly={readOnly}
          onChange={(value) => set(name, { ...parameter, value })} />
      ),
    },
    {
      title: '说明', key: 'note', render: (_, { name, parameter }) => (
        <Input.TextArea value={parameter.note ?? ''} readOnly={readOnly} aria-label={`${name} 说明`} autoSize={{ minRows: 1, maxRows: 4 }}
          onChange={(e) => set(name, withField(parameter, 'note', e.target.value))} />
      ),
    },
    ...(readOnly ? [] : [{
      title: '', key: 'remove', width: 70,
      render: (_: unknown, { name }: Row) => <Button size="small" danger onClick={() => remove(name)}>删除</Button>,
    }]),
  ];

  return (
    <Table<Row> size="small" rowKey="name" columns={columns} dataSource={rows} pagination={false} data-testid="parameters"
      footer={readOnly ? undefined : () => (
        <Button onClick={() => set(freeName(parameters), { title: '', type: 'string', value: '' })}>添加参数</Button>
      )} />
  );
}
