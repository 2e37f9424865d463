import type { EntityKey } from '../generated/index.js';

/** The definition kinds; each has a meta-schema `definitions/schemas/<kind>.schema.json`. */
export const definitionKinds = ['entity', 'dictionary', 'ruleset', 'process', 'menu', 'document', 'policy', 'template'] as const;
export type DefinitionKind = (typeof definitionKinds)[number];

/** Common envelope of every definition file. */
export interface DefinitionContent {
  kind: DefinitionKind;
  key: string;
  schemaVersion: number;
  title: string;
  description?: string;
  [property: string]: unknown;
}

/** A definition as stored: the content plus the version the engine assigned. */
export interface StoredDefinition<C extends DefinitionContent = DefinitionContent> {
  kind: DefinitionKind;
  key: string;
  version: number;
  status: 'draft' | 'published';
  checksum: string;
  content: C;
  /** When it was published (ISO). */
  publishedAt?: string;
}

export type JsonSchema = Record<string, unknown>;

export interface EntityKeyDeclaration {
  name: string;
  fields: string[];
  message: string;
}

export interface EntityContent extends DefinitionContent {
  kind: 'entity';
  owner: 'institution' | 'bureau';
  singleton?: boolean;
  titleField?: string;
  keys?: EntityKeyDeclaration[];
  schema: JsonSchema & { properties: Record<string, JsonSchema>; required?: string[] };
  uiSchema?: Record<string, unknown>;
  completeness?: { title?: string; requirements: CompletenessRequirement[] };
  import?: EntityImportDeclaration;
  attachmentBatch?: EntityAttachmentBatchDeclaration;
}

/** 批量导入附件信息 (R-7.4): who needs the attachment `field` is what `rule`'s `when` says under the exam year's rule set. */
export interface EntityAttachmentBatchDeclaration {
  field: string;
  rule: string;
  title?: string;
}

/** How records are imported from Excel; see docs/decisions/0006-imports.md. */
export interface EntityImportDeclaration {
  sheet?: string;
  /** The field referring to the person a row belongs to (identified by name + ID number in the sheet). */
  owner?: string;
  /** Fields identifying the same record within the institution (overwrite). */
  match: string[];
  /**
   * Rows sharing these fields form one group (a person's segments of one exam year), judged with
   * the group's stored records and written all or nothing; overwrite replaces the stored group.
   */
  group?: string[];
  exclude?: string[];
}

/** One thing a record needs for a purpose: its own fields filled, or related records (with fields). */
export interface CompletenessRequirement {
  code: string;
  title: string;
  when?: Record<string, string | number | boolean>;
  fields?: string[];
  related?: { entity: string; via: string; min?: number; fields?: string[] };
}

/** One record of a template, with the records nested under it in a tree entity. */
export interface TemplateRecord {
  data: Record<string, unknown>;
  children?: TemplateRecord[];
}

/** The content of a `template` definition: records an organisation can start from (初始化部门). */
export interface TemplateContent extends DefinitionContent {
  kind: 'template';
  entity: string;
  parentField?: string;
  records: TemplateRecord[];
}

export interface DictionaryContent extends DefinitionContent {
  kind: 'dictionary';
  items: Array<{ code: string; label: string; order?: number; enabled?: boolean; parent?: string;
    aliases?: string[]; attrs?: Record<string, string | number | boolean> }>;
}

export type MenuAction = { key: 'create' | 'update' | 'delete' | 'import' | 'export' | 'approve' | 'unlock' | 'resetPassword' | 'publish' | 'reveal'; title: string;
  levels?: string[] };

export interface MenuItem {
  key: string;
  title: string;
  icon?: string;
  entity?: EntityKey | string;
  route?: string;
  levels?: string[];
  actions?: MenuAction[];
  children?: MenuItem[];
}

export interface MenuContent extends DefinitionContent {
  kind: 'menu';
  items: MenuItem[];
}

/** One thing wrong with a definition: which file (or draft), where inside it, and what. */
export interface DefinitionProblem {
  source: string;
  path: string;
  message: string;
}

export const formatProblem = (problem: DefinitionProblem): string =>
  `${problem.source}: ${problem.path || '/'}: ${problem.message}`;
