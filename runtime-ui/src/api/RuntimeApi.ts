import { AdminApi } from './AdminApi';
import type { PasswordPolicy } from './adminTypes';
import { HttpClient, type HttpClientOptions } from './HttpClient';
import type {
  Dictionary, EntityDefinition, EntitySummary, JsonObject, ListQuery, MenuItem, Page, PasswordChange,
  RecordItem, Session,
} from './types';

const segment = (value: string): string => encodeURIComponent(value);

/** The engine's HTTP API (API.md) as typed calls. Keeps the session's CSRF token up to date. */
export class RuntimeApi {
  readonly http: HttpClient;
  /** 系统管理: roles, accounts, audit log. */
  readonly admin: AdminApi;

  constructor(options: HttpClientOptions | HttpClient = {}) {
    this.http = options instanceof HttpClient ? options : new HttpClient(options);
    this.admin = new AdminApi(this.http);
  }

  async login(username: string, password: string): Promise<Session> {
    return this.remember(await this.http.post<Session>('/api/auth/login', { username, password }));
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
    const { filters, ...paging } = query;
    return this.http.get(`/api/data/${segment(entity)}`, { ...filters, ...paging });
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

  remove(entity: string, id: string): Promise<void> {
    return this.http.delete(`/api/data/${segment(entity)}/${segment(id)}`);
  }

  private remember(session: Session): Session {
    this.http.setCsrfToken(session.csrfToken);
    return session;
  }
}
