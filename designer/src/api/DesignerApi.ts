import type {
  DefinitionDetail, DefinitionDiff, DefinitionListItem, DefinitionProblem, DesignerMe, DictionaryImportResult, DraftSaved, RulesetReplay,
  RulesetTestRun, SchemaImpact,
} from '@zjrj/engine/contract';
import type { HttpClient } from '@zjrj/runtime-ui';

const seg = (value: string | number): string => encodeURIComponent(String(value));
type Content = Record<string, unknown>;

/** The designer's calls (`/api/designer`, R-12.4): list, drafts, validation, diff, publish, rollback, rule set tests and replay. */
export class DesignerApi {
  constructor(private readonly http: HttpClient) {}

  private base(kind: string, key: string): string { return `/api/designer/definitions/${seg(kind)}/${seg(key)}`; }

  me(): Promise<DesignerMe> { return this.http.get('/api/designer/me'); }

  async list(query: { kind?: string; q?: string } = {}): Promise<DefinitionListItem[]> {
    return (await this.http.get<{ items: DefinitionListItem[] }>('/api/designer/definitions', query)).items;
  }

  get(kind: string, key: string): Promise<DefinitionDetail> { return this.http.get(this.base(kind, key)); }

  async version(kind: string, key: string, version: number): Promise<Content> {
    return (await this.http.get<{ version: number; content: Content }>(`${this.base(kind, key)}/versions/${seg(version)}`)).content;
  }

  saveDraft(kind: string, key: string, content: Content, basedOn?: number | null): Promise<DraftSaved> {
    return this.http.put(`${this.base(kind, key)}/draft`, { content, ...(basedOn != null ? { basedOn } : {}) });
  }

  discardDraft(kind: string, key: string): Promise<void> { return this.http.delete(`${this.base(kind, key)}/draft`); }

  copy(kind: string, key: string, toKey: string, title?: string): Promise<DraftSaved> {
    return this.http.post(`${this.base(kind, key)}/copy`, { toKey, ...(title ? { title } : {}) });
  }

  async validate(content: Content): Promise<DefinitionProblem[]> {
    return (await this.http.post<{ problems: DefinitionProblem[] }>('/api/designer/validate', { content })).problems;
  }

  /** `to`: a version number or 'draft'. */
  diff(kind: string, key: string, from: number, to: number | 'draft'): Promise<DefinitionDiff> {
    return this.http.get(`${this.base(kind, key)}/diff`, { from, to });
  }

  publish(kind: string, key: string, note?: string): Promise<{ version: number }> {
    return this.http.post(`${this.base(kind, key)}/publish`, note ? { note } : {});
  }

  rollback(kind: string, key: string, version: number, note?: string): Promise<{ version: number }> {
    return this.http.post(`${this.base(kind, key)}/rollback`, { version, ...(note ? { note } : {}) });
  }

  testRuleset(content: Content): Promise<RulesetTestRun> { return this.http.post('/api/designer/rulesets/test', { content }); }

  replayRuleset(content: Content, examYear?: number): Promise<RulesetReplay> {
    return this.http.post('/api/designer/rulesets/replay', { content, ...(examYear ? { examYear } : {}) });
  }

  impact(kind: string, key: string, content: Content): Promise<SchemaImpact> {
    return this.http.post(`${this.base(kind, key)}/impact`, { content });
  }

  /** A draft entity schema as the runtime serves it (dictionary options added), for the live preview. */
  async previewSchema(schema: Content): Promise<Content> {
    return (await this.http.post<{ schema: Content }>('/api/designer/entities/preview', { schema })).schema;
  }

  /** Where the browser downloads a dictionary's items as .xlsx (the saved draft, else the version in force). */
  dictionaryExportUrl(key: string): string { return this.http.urlOf(`/api/designer/dictionaries/${seg(key)}/export.xlsx`); }

  /** Reads an edited dictionary .xlsx: its items and their problems (nothing is stored). */
  importDictionary(key: string, file: Blob, filename: string): Promise<DictionaryImportResult> {
    const body = new FormData();
    body.append('file', file, filename);
    return this.http.request('POST', `/api/designer/dictionaries/${seg(key)}/import`, { body });
  }
}
