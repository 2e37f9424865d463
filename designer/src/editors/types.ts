import type { DefinitionDiff, DefinitionProblem } from '@zjrj/engine/contract';
import type { ComponentType } from 'react';
import type { DesignerApi } from '../api/DesignerApi';

/** What every kind's editor is given: the draft content, a way to change it, and its problems. */
export interface EditorProps {
  kind: string;
  definitionKey: string;
  content: Record<string, unknown>;
  /** Replaces the whole content (the page saves drafts and validates). */
  onChange(content: Record<string, unknown>): void;
  readOnly: boolean;
  problems: DefinitionProblem[];
  api: DesignerApi;
}

export type KindEditor = ComponentType<EditorProps>;

/** What a kind's own diff view is given beside the path/before/after table (a process: both diagrams). */
export interface DiffViewProps {
  api: DesignerApi;
  definitionKey: string;
  from: number;
  to: number | 'draft';
  diff: DefinitionDiff;
}

export type KindDiffView = ComponentType<DiffViewProps>;
