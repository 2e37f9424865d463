import type {
  Account, AccountCreate, AccountQuery, AccountUpdate, AuditItem, AuditQuery, PasswordReset, PermissionNode, Role, RoleInput,
  RoleOption,
} from './adminTypes';
import type { HttpClient } from './HttpClient';
import type { Page } from './types';

const segment = (value: string): string => encodeURIComponent(value);

/** 系统管理 (guide §7): roles and their grantable permissions, accounts, the audit log. */
export class AdminApi {
  constructor(private readonly http: HttpClient) {}

  async permissions(): Promise<PermissionNode[]> {
    return (await this.http.get<{ items: PermissionNode[] }>('/api/permissions')).items;
  }

  async roles(): Promise<Role[]> {
    return (await this.http.get<{ items: Role[] }>('/api/roles')).items;
  }

  createRole(input: RoleInput): Promise<Role> {
    return this.http.post('/api/roles', input);
  }

  updateRole(id: string, input: RoleInput): Promise<Role> {
    return this.http.put(`/api/roles/${segment(id)}`, input);
  }

  deleteRole(id: string): Promise<void> {
    return this.http.delete(`/api/roles/${segment(id)}`);
  }

  /** Roles the account form may assign (only account management is needed to read them). */
  async roleOptions(): Promise<RoleOption[]> {
    return (await this.http.get<{ items: RoleOption[] }>('/api/accounts/role-options')).items;
  }

  accounts(query: AccountQuery = {}): Promise<Page<Account>> {
    return this.http.get('/api/accounts', { ...query });
  }

  createAccount(input: AccountCreate): Promise<Account> {
    return this.http.post('/api/accounts', input);
  }

  updateAccount(id: string, input: AccountUpdate): Promise<Account> {
    return this.http.put(`/api/accounts/${segment(id)}`, input);
  }

  deleteAccount(id: string): Promise<void> {
    return this.http.delete(`/api/accounts/${segment(id)}`);
  }

  unlockAccount(id: string): Promise<Account> {
    return this.http.post(`/api/accounts/${segment(id)}/unlock`);
  }

  resetPassword(id: string, input: PasswordReset = {}): Promise<Account> {
    return this.http.post(`/api/accounts/${segment(id)}/reset-password`, input);
  }

  audit(query: AuditQuery = {}): Promise<Page<AuditItem>> {
    return this.http.get('/api/audit', { ...query });
  }
}
