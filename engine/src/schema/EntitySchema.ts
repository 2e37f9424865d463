import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import type { ErrorItem } from '../errors/index.js';
import type { DictionaryLookup } from './dictionaries.js';
import { toErrorItems } from './messages.js';
import { applyDerivedFields, compileDerivedFields, type DerivedField } from './derive.js';
import { withoutDerivableRequired } from './keywords/index.js';
import { normalizeEntityData } from './normalize.js';
import { FieldVisibility } from './visibility.js';

type SchemaNode = Record<string, unknown>;

/** A top-level field that refers to a record of another entity (`x-ref`). */
export interface RefField {
  field: string;
  title: string;
  entity: string;
  deleteMessage?: string;
  /** A reference to the same entity forming a tree (no record may become its own ancestor). */
  tree?: boolean;
  /** Field values the referenced record must have (e.g. only staff 在岗), and the message if not. */
  filter?: Record<string, string>;
  filterMessage?: string;
}

/** A field holding uploaded files' ids (`x-attachment`): one id, or a list of ids. */
export interface AttachmentField {
  field: string;
  title: string;
  multiple: boolean;
  accept: Array<'jpg' | 'png' | 'pdf'>;
  /** Required when a record is entered one at a time; not on import. */
  entryRequired: boolean;
}

export interface FieldInfo {
  name: string;
  title: string;
  schema: SchemaNode;
}

/** One entity version's schema, compiled once: normalisation, validation and field metadata. */
export class EntitySchema {
  readonly fields: FieldInfo[];
  readonly refs: RefField[];
  readonly searchFields: string[];
  readonly readOnlyFields: string[];
  readonly attachments: AttachmentField[];
  /** Fields changed one record at a time only (`x-singleEdit`), e.g. 在职状态. */
  readonly singleEditFields: string[];
  /** `x-sensitive` fields (identity-document numbers): encrypted at rest, masked in lists, exports, logs and audit. */
  readonly sensitiveFields: string[];
  private readonly validator: ValidateFunction;
  private readonly derived: DerivedField[];
  /** `ui:visibleWhen` of the uiSchema: hidden fields must be empty and are not required. */
  readonly visibility: FieldVisibility;

  constructor(readonly schema: SchemaNode, ajv: Ajv2020, private readonly lookup: DictionaryLookup, uiSchema?: SchemaNode) {
    this.validator = ajv.compile(schema);
    const properties = (schema.properties ?? {}) as Record<string, SchemaNode>;
    this.visibility = new FieldVisibility(uiSchema, properties, lookup);
    this.fields = Object.entries(properties).map(([name, s]) => ({ name, title: String(s.title ?? name), schema: s }));
    this.refs = this.fields.filter((f) => f.schema['x-ref']).map((f) => ({
      field: f.name, title: f.title, ...(f.schema['x-ref'] as Omit<RefField, 'field' | 'title'>),
    }));
    this.searchFields = this.fields.filter((f) => f.schema['x-search'] === true).map((f) => f.name);
    this.readOnlyFields = this.fields.filter((f) => f.schema.readOnly === true).map((f) => f.name);
    this.derived = compileDerivedFields(properties);
    this.attachments = this.fields.flatMap((f) => {
      const items = f.schema.type === 'array' ? (f.schema.items ?? {}) as SchemaNode : f.schema;
      const declared = items['x-attachment'] as { accept?: AttachmentField['accept']; entryRequired?: boolean } | undefined;
      return declared ? [{ field: f.name, title: f.title, multiple: items !== f.schema, accept: declared.accept ?? ['jpg', 'png', 'pdf'],
        entryRequired: declared.entryRequired === true }] : [];
    });
    this.singleEditFields = this.fields.filter((f) => f.schema['x-singleEdit'] === true).map((f) => f.name);
    this.sensitiveFields = this.fields.filter((f) => f.schema['x-sensitive'] === true).map((f) => f.name);
  }

  field(name: string): FieldInfo | undefined {
    return this.fields.find((f) => f.name === name);
  }

  /** Fields a list may filter on by exact value: top-level strings, numbers and booleans. */
  isFilterable(name: string): boolean {
    const type = this.field(name)?.schema.type;
    return type === 'string' || type === 'integer' || type === 'number' || type === 'boolean';
  }

  /** Trimmed, normalised, derived values filled in: the data as it will be validated and stored. */
  normalize(data: Record<string, unknown>): Record<string, unknown> {
    const normalized = normalizeEntityData(this.schema, data, this.lookup);
    applyDerivedFields(normalized, this.derived, this.fields.map((f) => f.name));
    return normalized;
  }

  /** Validates already-normalised data; errors are data, never thrown. */
  validate(data: Record<string, unknown>): ErrorItem[] {
    const errors = this.validator(data) ? []
      : withoutDerivableRequired(toErrorItems(this.validator.errors, this.schema), this.schema, data, this.lookup);
    return this.visibility.check(data, errors);
  }
}
