/** How a column's cells are read and written. */
export type ColumnKind = 'text' | 'date' | 'integer' | 'number' | 'dictionary' | 'ref';

/** Keys of the columns that are no field of the entity (the person a row belongs to, the institution). */
export type VirtualColumnKey = '@institution' | '@personName' | '@personDocumentType' | '@personIdNumber' | '@personDepartment';

export interface DictionaryOption {
  code: string;
  label: string;
  aliases?: string[];
}

/** One column of an import sheet, derived from the entity definition (docs/decisions/0006-imports.md). */
export interface ImportColumn {
  /** A field name of the entity, or a virtual key (`VirtualColumnKey`). */
  key: string;
  /** The header text: the field's schema title, or the virtual column's fixed title. */
  title: string;
  kind: ColumnKind;
  required: boolean;
  /** The entity field it fills (undefined for virtual columns). */
  field?: string;
  /** Selectable items only, in dictionary order. */
  dictionary?: { key: string; items: DictionaryOption[] };
  /** kind `ref`: the target entity, whose `titleField` names the record (e.g. the department's name). */
  refEntity?: string;
  /** Chinese hint for the instructions sheet and the header's note (format, allowed values). */
  note?: string;
  /** An identity-document number: a number or a formula in it is a row problem, never reconstructed. */
  idNumber?: boolean;
  /** A code (ID number, certificate code): full-width characters become half-width (NFKC) when read. */
  code?: boolean;
}

export interface ImportLayout {
  entity: string;
  title: string;
  version: number;
  sheet: string;
  columns: ImportColumn[];
  /** SHA-256 (hex, first 16) over the entity key and each column's key and title, in order. */
  checksum: string;
}

export type CellValue = string | number | boolean | null;

export interface CellProblem {
  /** The column key. */
  column: string;
  message: string;
}

export interface SheetRow {
  /** 1-based Excel row number. */
  rowNumber: number;
  /** By column key; dates as 'YYYY-MM-DD'; text trimmed, NFKC for codes; empty cells absent. */
  cells: Map<string, CellValue>;
  /** The row's values in layout column order, as the user typed them (for the error report). */
  raw: CellValue[];
  /** Cell-level problems found while reading. */
  problems: CellProblem[];
}

/** The upload is not this entity's current template: a column missing, extra or renamed, another entity, a changed version. */
export class TemplateMismatchError extends Error {
  readonly code = 'TEMPLATE_MISMATCH';
  constructor(message: string, readonly problems: string[] = [message]) {
    super(message);
    this.name = 'TemplateMismatchError';
  }
}

/** The upload is refused before any parsing: too big, not an .xlsx, too many entries, inflates too much. */
export class UnsafeFileError extends Error {
  readonly code = 'UNSAFE_FILE';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UnsafeFileError';
  }
}

export interface ReadLimits {
  /** Size of the uploaded file. */
  maxBytes: number;
  /** Entries in the zip's central directory. */
  maxEntries: number;
  /** All entries inflated, declared and actual. */
  maxInflatedBytes: number;
  /** Inflated / compressed, per large entry and for the whole file. */
  maxRatio: number;
  /** Non-blank data rows. */
  maxRows: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = Object.freeze({
  maxBytes: 20 * 1024 * 1024,
  maxEntries: 2000,
  maxInflatedBytes: 300 * 1024 * 1024,
  maxRatio: 200,
  maxRows: 100_000,
});

/** Names of the sheets every workbook we write carries besides the data sheet. */
export const META_SHEET = '_meta';
export const LISTS_SHEET = '_lists';
export const INSTRUCTIONS_SHEET = '填写说明';
/** The first column of an error report; ignored when a report is imported again. */
export const REASON_TITLE = '错误原因';
/** Written into `_meta` so a reader knows the workbook is one of ours. */
export const META_FORMAT = 'zjrj-import/1';
