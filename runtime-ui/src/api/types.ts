/**
 * Types of the engine's HTTP contract as the runtime UI uses them (API.md). The shapes come from
 * the engine itself (`@zjrj/engine/contract`), under the names this app uses.
 */
import type {
  DictionaryItemView, DictionaryView, EntityDescriptor, EntitySummary, ErrorItem, ListResult, MenuNode,
  PasswordChangeRequest, RecordView, SessionView, TwoFactorChallengeView, UserView,
} from '@zjrj/engine/contract';

export type { EntitySummary };
export type JsonObject = Record<string, unknown>;
export type SessionUser = UserView;
/** What `POST /api/auth/login` and `GET /api/auth/me` return. */
export type Session = SessionView;
/** What `POST /api/auth/login` returns for an account with two-factor login: the code comes next. */
export type TwoFactorChallenge = TwoFactorChallengeView;
export type PasswordChange = PasswordChangeRequest;
export type MenuItem = MenuNode;
export type MenuAction = MenuNode['actions'][number];
export type RecordItem<T extends JsonObject = JsonObject> = RecordView<T>;
export type Page<T> = Omit<ListResult, 'items'> & { items: T[] };
export type DictionaryItem = DictionaryItemView;
export type Dictionary = DictionaryView;
/** One item of the error body `{errors:[…]}`. */
export type ApiErrorItem = ErrorItem;

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

/** What `GET /api/entities/:entity` returns: the published version in force, its schema typed for the renderer. */
export type EntityDefinition = Omit<EntityDescriptor, 'schema' | 'uiSchema'> & { schema: SchemaNode; uiSchema: UiSchemaNode };

export interface ListQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  /** Exact-match filters on fields (`?<field>=<value>`). */
  filters?: Record<string, string | number | boolean>;
}
