/**
 * `/api/designer`: the definition designer's contract. The engine's designer routes answer
 * with these shapes and the designer app imports them.
 */

/** A problem of a definition: where (JSON pointer into its content, or empty) and what to do, in Chinese. */
export interface DefinitionProblem { path: string; message: string }

/** `GET /api/designer/me`. */
export interface DesignerMe { editableKinds: string[] }

/** An item of `GET /api/designer/definitions?kind=&q=`. */
export interface DefinitionListItem {
  kind: string;
  key: string;
  title: string;
  /** The version in force; null for a definition that exists only as a draft. */
  version: number | null;
  publishedAt: string | null;
  hasDraft: boolean;
  editable: boolean;
}

export interface DefinitionDraftView {
  content: Record<string, unknown>;
  /** The published version it was started from (null for a new definition). */
  basedOn: number | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface DefinitionVersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  source: 'file' | 'designer';
  note: string | null;
}

/** `GET /api/designer/definitions/:kind/:key`. */
export interface DefinitionDetail {
  kind: string;
  key: string;
  title: string;
  editable: boolean;
  inForce: { version: number; content: Record<string, unknown>; publishedAt: string } | null;
  draft: DefinitionDraftView | null;
  /** Newest first. */
  versions: DefinitionVersionSummary[];
}

/** `PUT …/draft` and `POST …/copy`. */
export interface DraftSaved { draft: DefinitionDraftView; problems: DefinitionProblem[] }

/** One change of a JSON diff. */
export interface JsonChange { path: string; op: 'add' | 'remove' | 'replace'; before?: unknown; after?: unknown }

/** One changed BPMN element of a process diff. */
export interface ElementChange { id: string; type: string; name?: string; op: 'add' | 'remove' | 'change' }

/** `GET …/diff?from=&to=`. */
export interface DefinitionDiff { changes: JsonChange[]; elements?: ElementChange[] }

/** `POST /api/designer/rulesets/test`. */
export interface RulesetTestRun {
  cases: Array<{ name: string; passed: boolean; expected: unknown; actual: unknown; message?: string }>;
  passed: number;
  failed: number;
}

/** `POST /api/designer/rulesets/replay`. */
export interface RulesetReplay {
  entity: string;
  examYear: number | null;
  /** Set when the draft's own year had no records and another year was replayed instead (Chinese). */
  notice?: string;
  total: number;
  changed: Array<{ recordId: string; orgName: string; title: string; before: string[]; after: string[] }>;
  unchangedCount: number;
}

/** `POST …/impact` (entities): stored records the draft schema would reject. */
export interface SchemaImpact {
  /** Set when there were more records than one check reads (Chinese). */
  notice?: string;
  total: number;
  invalid: number;
  examples: Array<{ recordId: string; orgName: string; messages: string[] }>;
}

/** An item of a dictionary definition (as in its content). */
export interface DictionaryItemDraft {
  code: string;
  label: string;
  order?: number;
  enabled?: boolean;
  parent?: string;
  aliases?: string[];
  attrs?: Record<string, string | number | boolean>;
}

/** `POST /api/designer/dictionaries/:key/import` (multipart `file`): the items read from the .xlsx and their problems (nothing stored). */
export interface DictionaryImportResult { items: DictionaryItemDraft[]; problems: DefinitionProblem[] }
