import { Alert, Input } from 'antd';
import { useEffect, useState } from 'react';
import type { EditorProps } from '../editors/types';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

interface JsonTextAreaProps {
  value: unknown;
  onChange(value: unknown): void;
  readOnly?: boolean;
  label: string;
  /** What the JSON must be; other text stays in the box with the reason and is not passed on. */
  shape: 'object' | 'array';
  minRows?: number;
  maxRows?: number;
}

const shapeOf = (value: unknown) => (Array.isArray(value) ? 'array' : typeof value === 'object' && value !== null ? 'object' : 'other');
const shapeHint = { object: '须是一个 JSON 对象（以 { 开头、} 结尾）。', array: '须是一个 JSON 数组（以 [ 开头、] 结尾）。' };

/** JSON typed as text: passed on once it parses to the expected shape; until then the reason is shown. */
export function JsonTextArea({ value, onChange, readOnly, label, shape, minRows = 4, maxRows = 40 }: JsonTextAreaProps) {
  const [text, setText] = useState(() => pretty(value));
  const [syntax, setSyntax] = useState<string>();

  // A change made elsewhere (visual editor, reload) replaces the text unless it is the same value.
  useEffect(() => {
    setText((current) => {
      try {
        if (pretty(JSON.parse(current)) === pretty(value)) return current;
      } catch { /* the typed text is not JSON: the new value wins */ }
      setSyntax(undefined);
      return pretty(value);
    });
  }, [value]);

  const edit = (next: string) => {
    setText(next);
    try {
      const parsed = JSON.parse(next) as unknown;
      if (shapeOf(parsed) !== shape) throw new TypeError();
      setSyntax(undefined);
      onChange(parsed);
    } catch (e) {
      setSyntax(e instanceof SyntaxError ? `JSON 格式有误（${e.message}），修正后才会保存。` : shapeHint[shape]);
    }
  };

  return (
    <div>
      <Input.TextArea value={text} onChange={(e) => edit(e.target.value)} readOnly={readOnly} aria-label={label}
        autoSize={{ minRows, maxRows }} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 13 }} />
      {syntax && <Alert type="warning" showIcon title={syntax} style={{ marginTop: 4 }} />}
    </div>
  );
}

/** The whole definition as JSON: the fallback editor of kinds without a visual one, and the raw view next to visual ones. */
export function RawJsonEditor({ content, onChange, readOnly }: Pick<EditorProps, 'content' | 'onChange' | 'readOnly'>) {
  return <JsonTextArea value={content} onChange={(v) => onChange(v as Record<string, unknown>)} readOnly={readOnly}
    label="定义 JSON" shape="object" minRows={20} />;
}
