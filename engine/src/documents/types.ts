/** A `document` definition's content (definitions/schemas/document.schema.json), as the renderer reads it. */
export interface DocumentBlock {
  type: string;
  [setting: string]: unknown;
}

export interface DocumentDefinition {
  key: string;
  title: string;
  format: 'pdf' | 'xlsx';
  fields?: Array<{ name: string; title: string }>;
  template: { pageSize?: 'A4' | 'A5' | 'LETTER'; blocks: DocumentBlock[] };
}

/** The values a document is filled with, by field name; missing values print as blank. */
export type DocumentData = Record<string, string | number | null | undefined>;
