/**
 * Types of the engine's HTTP contract as the runtime UI uses them (API.md).
 * TODO: import these from `@zjrj/engine/contract` once the engine publishes that module.
 */

export type JsonObject = Record<string, unknown>;

export type OrgLevel = 'system' | 'province' | 'city' | 'district' | 'institution' | (string & {});
export type RealNameStatus = 'approved' | 'pending' | 'rejected' | 'none' | (string & {});

export interface SessionUser {
  id: string;
  username: string;
  nickname: string;
  orgId: string;
  orgName?: string;
  orgLevel?: OrgLevel;
  roles: string[];
  permissions: string[];
  realNameStatus: RealNameStatus;
}

/** What `POST /api/auth/login` and `GET /api/auth/me` return. */
export interface Session {
  user: SessionUser;
  mustChangePassword: boolean;
  csrfToken: string;
}

export interface PasswordChange {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export type MenuAction = 'create' | 'update' | 'delete' | 'import' | 'export' | (string & {});

export interface MenuItem {
  key: string;
  title: string;
  icon?: string;
  entity?: string;
  route?: string;
  actions: MenuAction[];
  children: MenuItem[];
}

export interface EntitySummary {
  key: string;
  title: string;
  version: number;
}

/** A JSON Schema node with the engine's `x-` annotations (kept loose: definitions are data). */
export interface SchemaNode {
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  readOnly?: boolean;
  default?: unknown;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  required?: string[];
  oneOf?: SchemaNode[];
  const?: unknown;
  'x-list'?: boolean;
  'x-search'?: boolean;
  'x-dictionary'?: string;
  'x-ref'?: RefAnnotation;
  'x-parent'?: string;
  [keyword: string]: unknown;
}

export interface RefAnnotation {
  entity: string;
  tree?: boolean;
  /** Exact-match filters the referenced record must satisfy (sent as list query parameters). */
  filter?: Record<string, string | number | boolean>;
  filterMessage?: string;
  deleteMessage?: string;
}

export type UiSchemaNode = Record<string, unknown>;

/** What `GET /api/entities/:entity` returns: the published version in force. */
export interface EntityDefinition {
  key: string;
  version: number;
  title: string;
  owner?: string;
  titleField?: string;
  schema: SchemaNode;
  uiSchema: UiSchemaNode;
}

export interface RecordItem<T extends JsonObject = JsonObject> {
  id: string;
  version: number;
  data: T;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ListQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  /** Exact-match filters on fields (`?<field>=<value>`). */
  filters?: Record<string, string | number | boolean>;
}

export interface DictionaryItem {
  code: string;
  label: string;
  parent?: string;
  enabled: boolean;
  selectable: boolean;
}

export interface Dictionary {
  key: string;
  version: number;
  title: string;
  items: DictionaryItem[];
}

/** One item of the error body `{errors:[…]}`. */
export interface ApiErrorItem {
  code: string;
  message: string;
  /** JSON pointer into the submitted data, when one field is at fault. */
  path?: string;
  rule?: string;
  [extra: string]: unknown;
}
