import type { Context, ParameterizedContext } from 'koa';
import type { AccessPolicy, NetworkPolicy } from '../access/index.js';
import type { AccountService, RoleService } from '../accounts/index.js';
import type { AuditLog } from '../audit/index.js';
import type { AuthService, PasswordService, Principal, TwoFactorService } from '../auth/index.js';
import type { EngineConfig } from '../config/index.js';
import type { Database } from '../db/index.js';
import type { DefinitionPublisher, DefinitionRegistry, DefinitionRepository } from '../definitions/index.js';
import type { FileService } from '../files/index.js';
import type { ImportService } from '../imports/index.js';
import type { JobQueries, JobRunner } from '../jobs/index.js';
import type { WorkflowService } from '../workflow/index.js';
import type { RealNameService } from '../realName/index.js';
import type { ChangeRequestService } from '../changeRequests/index.js';
import type { AcceptedLists, PreRegistrationService } from '../preRegistration/index.js';
import type { TransferService } from '../transfers/index.js';
import type { Logger } from '../log/index.js';
import type { Lifecycle } from '../ops/index.js';
import type { RecordService } from '../records/index.js';
import type { TemplateService } from '../templates/index.js';
import type { CompletenessService } from '../completeness/index.js';
import type { LocationRequestService } from '../location/index.js';
import type { AttachmentBatchService } from '../supplementary/index.js';
import type { Designer } from '../designer/index.js';
import type { RequestThrottle } from '../throttle/index.js';
import type { FieldCipher } from '../privacy/index.js';

/** What route handlers may use: services only, never the database directly (except health). */
export interface Services {
  config: EngineConfig;
  db: Database;
  registry: DefinitionRegistry;
  definitions: DefinitionRepository;
  publisher: DefinitionPublisher;
  access: AccessPolicy;
  auth: AuthService;
  passwords: PasswordService;
  /** Two-factor login (TOTP): enrolment, disabling, an administrator's reset (issue 9 point 6). */
  twoFactor: TwoFactorService;
  network: NetworkPolicy;
  records: RecordService;
  roles: RoleService;
  accounts: AccountService;
  files: FileService;
  templates: TemplateService;
  completeness: CompletenessService;
  locations: LocationRequestService;
  attachmentBatches: AttachmentBatchService;
  /** Background jobs: the runner (enqueue, run now, handlers by kind) and what users may read of them. */
  jobs: JobRunner;
  jobQueries: JobQueries;
  /** Excel templates, imports and exports. */
  imports: ImportService;
  /** BPMN process instances, user tasks and their history (issue 6). */
  workflow: WorkflowService;
  /** Real-name verification: the applicant's form, PDF and submission; the reviewer's view. */
  realName: RealNameService;
  /** Institution change requests of 主体信息, reviewed by the superior bureau. */
  changeRequests: ChangeRequestService;
  /** Pre-registration: candidates, submissions and their locks, reviewed by the district. */
  preRegistration: PreRegistrationService;
  /** The bureaus' lists of accepted candidates and their export. */
  acceptedLists: AcceptedLists;
  /** Personnel transfers: transfer-in applications approved by the releasing institution. */
  transfers: TransferService;
  /** The definition designer (issue 7): drafts, diffs, publishing by kind, rule set test runs and replay, schema impact. */
  designer: Designer;
  logger: Logger;
  /** Requests per window of logins and expensive endpoints, counted in the database (issue 9.4). */
  requestThrottle: RequestThrottle;
  /** Sensitive fields at rest: AES-256-GCM values and blind indexes (engine/src/privacy). */
  cipher: FieldCipher;
  /** The audit log: events of reads and exports, the log as auditors read it, its retention job (issue 9.5). */
  audit: AuditLog;
  /** Draining on shutdown, requests in flight, readiness checks (ops/). */
  lifecycle: Lifecycle;
}

export interface AppState {
  requestId: string;
  /** The client's address as resolved by the access-channel rules (never a forged header). */
  clientIp: string;
  principal?: Principal;
}

export type AppContext = ParameterizedContext<AppState> & Context;

export const SESSION_COOKIE = 'sid';
