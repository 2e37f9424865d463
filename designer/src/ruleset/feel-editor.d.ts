/** The parts of @bpmn-io/feel-editor (no own types) the rule set editor uses. */
declare module '@bpmn-io/feel-editor' {
  export interface FeelVariable { name: string; detail?: string; info?: string; entries?: FeelVariable[] }
  export interface FeelDiagnostic { from: number; to: number; severity: 'error' | 'warning' | 'info' | 'hint'; message: string }
  export interface FeelEditorOptions {
    container: HTMLElement;
    value?: string;
    readOnly?: boolean;
    variables?: FeelVariable[];
    contentAttributes?: Record<string, string>;
    placeholder?: string;
    onChange?(value: string): void;
    onLint?(diagnostics: FeelDiagnostic[]): void;
  }
  export default class FeelEditor {
    constructor(options: FeelEditorOptions);
    setValue(value: string): void;
    setVariables(variables: FeelVariable[]): void;
    _cmEditor: { state: { doc: { toString(): string } }; destroy(): void };
  }
}
