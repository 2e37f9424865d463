import FeelEditor, { type FeelDiagnostic, type FeelVariable } from '@bpmn-io/feel-editor';
import { Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';

interface Props {
  value: string;
  onChange(value: string): void;
  readOnly?: boolean;
  /** Names the expression may use (parameters, record fields, lookups), offered while typing. */
  variables: FeelVariable[];
  label: string;
  placeholder?: string;
}

/** A syntax problem as the reader needs it: where, and what to check (feel-lint's own text is English). */
export function feelSyntaxMessage(diagnostic: FeelDiagnostic, text: string): string {
  const near = text.slice(diagnostic.from, Math.max(diagnostic.to, diagnostic.from + 1)).trim();
  const where = `第 ${diagnostic.from + 1} 个字符${near ? `（“${near.slice(0, 20)}”）` : '（末尾）'}`;
  if (/^Incomplete/.test(diagnostic.message)) return `${where}处表达式不完整：请检查括号、引号是否成对，运算符两侧是否都有内容。`;
  if (/^Unrecognized/.test(diagnostic.message)) return `${where}处有无法识别的内容：请检查拼写、运算符和引号（须用英文半角符号）。`;
  if (/via \[1\]/.test(diagnostic.message)) return `${where}：FEEL 的列表从 [1] 开始编号，不是 [0]。`;
  return `${where}：${diagnostic.message}`;
}

/**
 * A FEEL expression editor (CodeMirror via @bpmn-io/feel-editor): highlighting, completion of the
 * given variables, and syntax errors in Chinese under the field as you type.
 */
export function FeelInput({ value, onChange, readOnly = false, variables, label, placeholder }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<FeelEditor | undefined>(undefined);
  const changed = useRef(onChange);
  changed.current = onChange;
  const [errors, setErrors] = useState<string[]>([]);

  useEffect(() => {
    const instance = new FeelEditor({
      container: container.current!, value, readOnly, variables, placeholder,
      contentAttributes: { 'aria-label': label, 'data-feel': 'true' },
      onChange: (text) => changed.current(text),
      onLint: (diagnostics) => {
        const text = instance._cmEditor.state.doc.toString();
        setErrors(diagnostics.filter((d) => d.severity === 'error').map((d) => feelSyntaxMessage(d, text)));
      },
    });
    editor.current = instance;
    return () => { instance._cmEditor.destroy(); editor.current = undefined; };
    // Created once per mount; value and variables are pushed below.
  }, [readOnly]);

  useEffect(() => {
    if (editor.current && editor.current._cmEditor.state.doc.toString() !== value) editor.current.setValue(value);
  }, [value]);
  useEffect(() => { editor.current?.setVariables(variables); }, [variables]);

  return (
    <div>
      <div ref={container} className="feel-input"
        style={{ border: `1px solid ${errors.length ? '#ff4d4f' : '#d9d9d9'}`, borderRadius: 4, padding: '2px 4px', background: readOnly ? '#fafafa' : '#fff' }} />
      {errors.map((e) => <Typography.Text key={e} type="danger" style={{ display: 'block', fontSize: 12 }} role="alert">{e}</Typography.Text>)}
    </div>
  );
}
