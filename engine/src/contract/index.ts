/**
 * The HTTP contract of API.md as TypeScript types: the engine's routes answer with these shapes and
 * the web apps import them (`import type … from '@zjrj/engine/contract'`), so the two cannot drift.
 */
import type { EntityAttachmentBatchDeclaration, EntityImportDeclaration } from '../definitions/index.js';
import type { ErrorItem } from '../errors/index.js';
import type { JobList, JobStatus, JobView } from '../jobs/index.js';

export type { EntityImportDeclaration, ErrorItem };
/** `GET /api/imports/jobs` (`JobList`), `{job}` of an import (`JobView`). */
export type { JobList, JobStatus, JobView };
export type * from './admin.js';
export type * from './institution.js';
export type * from './attachmentBatches.js';
/** `GET /api/tasks` items, `{task}` of a completion, `{instance, events}` of an instance's history (API.md "Approvals"). */
export type { HistoryEvent, HistoryType, InstanceRow, InstanceStatus, TaskStatus, TaskView } from '../workflow/runtime/index.js';
/** `{people}` of an instance's history and `GET /api/workflow/instances/:id/diagram`. */
export type { HistoryPerson, InstanceDiagram } from '../workflow/runtime/index.js';
/** `/api/change-requests`: `{request}` and `{items, total}`. */
export type { ChangeRequestStatus, ChangeRequestView } from '../changeRequests/index.js';
export type { TaskForm } from '../workflow/index.js';
/** `/api/pre-registration`: candidates with readiness, `{submission}`, a batch with its items, the accepted lists. */
export type {
  AcceptedView, CandidateSnapshot, CandidateStatus, CandidateView, Readiness, ReadinessReason, SubmissionItemView, SubmissionStatus,
  SubmissionView,
} from '../preRegistration/index.js';
/** `/api/transfers`: `{person}` of a lookup, `{transfer}` (`TransferDetail`) and `{items, total}` of the lists (`TransferView`). */
export type {
  TransferCandidate, TransferDetail, TransferOutcome, TransferSide, TransferStage, TransferStatus, TransferView,
} from '../transfers/index.js';

/** `{errors:[…]}`, the body of every error response. */
export interface ErrorBody {
  errors: ErrorItem[];
  requestId?: string;
}

export interface UserView {
  id: string;
  username: string;
  nickname: string;
  orgId: string;
  orgName: string;
  orgLevel: string;
  roles: string[];
  /** The names of the roles, in the order of `roles` (built-in roles: 总账号, 系统管理员). */
  roleNames: string[];
  permissions: string[];
  realNameStatus: string;
}

/** `POST /api/auth/login` and `GET /api/auth/me`. */
export interface SessionView {
  user: UserView;
  mustChangePassword: boolean;
  csrfToken: string;
  /** Two-factor login: whether the account has enrolled, and whether the policy requires it (then enrol before anything else). */
  twoFactor?: { enabled: boolean; required: boolean };
}

/** The first step of a login of an account with two-factor login: the password was right, now `POST /api/auth/login/two-factor {code}`. */
export interface TwoFactorChallengeView { twoFactorRequired: true }

/** `GET /api/auth/two-factor`. */
export interface TwoFactorStatus { enabled: boolean; pending: boolean; required: boolean; recoveryCodesLeft: number }

/** `POST /api/auth/two-factor/setup`: the secret for manual entry, its otpauth URI and a QR code (SVG data: URL). */
export interface TwoFactorSetup { secret: string; otpauthUri: string; qrCode: string }

export interface PasswordChangeRequest {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** `GET /api/menu`: the menu cut to the user's permissions; `actions` holds the permitted ones. */
export interface MenuNode {
  key: string;
  title: string;
  icon?: string;
  entity?: string;
  route?: string;
  actions: string[];
  children: MenuNode[];
}

/** `GET /api/entities`. */
export interface EntitySummary {
  key: string;
  title: string;
  version: number;
}

/** `GET /api/entities/:entity`: the published version in force, dictionaries expanded into `oneOf`. */
export interface EntityDescriptor {
  key: string;
  version: number;
  title: string;
  owner: string;
  titleField?: string;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  /** Present when the entity can be imported from Excel: the UI offers 导入 / 导出. */
  import?: EntityImportDeclaration;
  /** Present when the entity offers 批量导入附件信息. */
  attachmentBatch?: EntityAttachmentBatchDeclaration;
}

export interface RecordView<D = Record<string, unknown>> {
  id: string;
  version: number;
  data: D;
}

/** `GET /api/data/:entity`. */
export interface ListResult<D = Record<string, unknown>> {
  items: RecordView<D>[];
  total: number;
}

export interface DictionaryItemView {
  code: string;
  label: string;
  parent?: string;
  enabled: boolean;
  selectable: boolean;
}

/** `GET /api/dictionaries/:key`. */
export interface DictionaryView {
  key: string;
  version: number;
  title: string;
  items: DictionaryItemView[];
}
export type { RealNameForm } from '../realName/form.js';
/** `/api/designer`. */
export type * from './designer.js';
