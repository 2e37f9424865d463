import { AdminApi } from './AdminApi';
import type { PasswordPolicy } from './adminTypes';
import { HttpClient, type HttpClientOptions } from './HttpClient';
import { listQueryString } from './listQuery';
import { LocationApi } from './LocationApi';
import type { CompletenessView, RecordTemplateSummary, RulesetView } from '@zjrj/engine/contract';
import { FilesApi } from './FilesApi';
import { AttachmentBatchesApi } from './AttachmentBatchesApi';
import { ImportsApi } from './ImportsApi';
import { TasksApi } from './TasksApi';
import { RealNameApi } from './RealNameApi';
import { ChangeRequestsApi } from './ChangeRequestsApi';
import { PreRegistrationApi } from './PreRegistrationApi';
import { TransfersApi } from './TransfersApi';
import { TwoFactorApi } from './TwoFactorApi';
import type {
  Dictionary, EntityDefinition, EntitySummary, JsonObject, ListQuery, MenuItem, Page, PasswordChange,
  RecordItem, Session, TwoFactorChallenge,
} from './types';

const segment = (value: string): string => encodeURIComponent(value);

/** The engine's HTTP API (API.md) as typed calls. Keeps the session's CSRF token up to date. */
export class RuntimeApi {
  readonly http: HttpClient;
  /** 系统管理: roles, accounts, audit log. */
  readonly admin: AdminApi;
  /** 机构信息: the phone-location hand-over (QR code, polling, the phone's report). */
  readonly location: LocationApi;
  /** Attachments: upload, metadata, links. */
  readonly files: FilesApi;
  /** 批量导入附件信息: persons needing an attachment, many files at once. */
  readonly attachmentBatches: AttachmentBatchesApi;
  /** Excel import (template, upload, jobs, error reports) and export of lists. */
  readonly imports: ImportsApi;
  /** 待办审批: tasks, their completion, instance history and withdrawal. */
  readonly tasks: TasksApi;
  /** 实名认证: the applicant's form, PDF, uploads and submission. */
  readonly realName: RealNameApi;
  /** 机构信息修改: the institution's change requests of its 主体信息. */
  readonly changeRequests: ChangeRequestsApi;
  /** 医师资格考试预报名: candidates, 上报 and withdrawal, a batch, the accepted lists. */
  readonly preRegistration: PreRegistrationApi;
  /** 人员变动管理: transfer-in applications and the lists of transfers in and out. */
  readonly transfers: TransfersApi;
  /** 双因素认证: enrolment, recovery codes, switching off. */
  readonly twoFactor: TwoFactorApi;

  constructor(options: HttpClientOptions | HttpClient = {}) {
    this.http = options instanceof HttpClient ? options : new HttpClient(options);
    this.admin = new AdminApi(this.http);
    this.location = new LocationApi(this.http);
    this.files = new FilesApi(this.http);
    this.attachmentBatches = new AttachmentBatchesApi(this.http);
    this.imports = new ImportsApi(this.http);
    this.tasks = new TasksApi(this.http);
    this.realName = new RealNameApi(this.http);
    this.changeRequests = new ChangeRequestsApi(this.http);
    this.preRegistration = new PreRegistrationApi(this.http);
    this.transfers = new TransfersApi(this.http);
    this.twoFactor = new TwoFactorApi(this.http);
  }

  /** The session, or (an account with two-factor login) the request for its code: then `loginTwoFactor`. */
  async login(username: string, password: string): Promise<Session | TwoFactorChallenge> {
    const answer = await this.http.post<Session | TwoFactorChallenge>('/api/auth/login', { username, password });
    return 'twoFactorRequired' in answer ? answer : this.remember(answer);
  }

  /** The second step of a two-factor login: a code of the authenticator app, or a recovery code. */
  async loginTwoFactor(code: string): Promise<Session> {
    return this.remember(await this.http.post<Session>('/api/auth/login/two-factor', { code }));
  }

  async me(): Promise<Session> {
    return this.remember(await this.http.get<Session>('/api/auth/me'));
  }

  async logout(): Promise<void> {
    try {
      await this.http.post('/api/auth/logout');
    } finally {
      this.http.setCsrfToken(undefined);
    }
  }

  changePassword(change: PasswordChange): Promise<{ ok: boolean }> {
    return this.http.post('/api/auth/password', change);
  }

  /** The password rules in force, as Chinese sentences (for the help list). */
  passwordPolicy(): Promise<PasswordPolicy> {
    return this.http.get('/api/auth/password-policy');
  }

  async menu(): Promise<MenuItem[]> {
    return (await this.http.get<{ items: MenuItem[] }>('/api/menu')).items;
  }

  entities(): Promise<EntitySummary[]> {
    return this.http.get('/api/entities');
  }

  entity(key: string): Promise<EntityDefinition> {
    return this.http.get(`/api/entities/${segment(key)}`);
  }

  dictionary(key: string): Promise<Dictionary> {
    return this.http.get(`/api/dictionaries/${segment(key)}`);
  }

  list<T extends JsonObject = JsonObject>(entity: string, query: ListQuery = {}): Promise<Page<RecordItem<T>>> {
    return this.http.get(`/api/data/${segment(entity)}${listQueryString(query)}`);
  }

  get<T extends JsonObject = JsonObject>(entity: string, id: string): Promise<RecordItem<T>> {
    return this.http.get(`/api/data/${segment(entity)}/${segment(id)}`);
  }

  create<T extends JsonObject = JsonObject>(entity: string, data: T): Promise<RecordItem<T>> {
    return this.http.post(`/api/data/${segment(entity)}`, { data });
  }

  update<T extends JsonObject = JsonObject>(entity: string, id: string, version: number, data: T): Promise<RecordItem<T>> {
    return this.http.put(`/api/data/${segment(entity)}/${segment(id)}`, { version, data });
  }

  /** Several records at once, all or none; problems carry `/items/<i>/data/<field>` and `item`. */
  async createMany<T extends JsonObject = JsonObject>(entity: string, items: readonly T[]): Promise<RecordItem<T>[]> {
    const body = { items: items.map((data) => ({ data })) };
    return (await this.http.post<{ items: RecordItem<T>[] }>(`/api/data/${segment(entity)}/batch`, body)).items;
  }

  /** The rule sets in force for an entity (the browser judges forms with them). */
  async rulesets(entity: string): Promise<RulesetView[]> {
    return (await this.http.get<{ items: RulesetView[] }>(`/api/rulesets/${segment(entity)}`)).items;
  }

  /** How complete the required information of the given records is (at most 100 ids). */
  async completeness(entity: string, ids: readonly string[]): Promise<CompletenessView[]> {
    if (ids.length === 0) return [];
    return (await this.http.get<{ items: CompletenessView[] }>(`/api/completeness/${segment(entity)}`, { ids: ids.join(',') })).items;
  }

  remove(entity: string, id: string): Promise<void> {
    return this.http.delete(`/api/data/${segment(entity)}/${segment(id)}`);
  }

  /** Record templates of an entity (e.g. 初始化部门's department trees). */
  async templates(entity: string): Promise<RecordTemplateSummary[]> {
    return (await this.http.get<{ items: RecordTemplateSummary[] }>(`/api/templates/${segment(entity)}`)).items;
  }

  /** Creates a template's records; refused with 409 `NOT_EMPTY` when the entity has records already. */
  applyTemplate(entity: string, key: string): Promise<{ created: number }> {
    return this.http.post(`/api/templates/${segment(entity)}/${segment(key)}/apply`);
  }

  private remember(session: Session): Session {
    this.http.setCsrfToken(session.csrfToken);
    return session;
  }
}
