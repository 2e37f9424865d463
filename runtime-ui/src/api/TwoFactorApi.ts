import type { TwoFactorSetup, TwoFactorStatus } from '@zjrj/engine/contract';
import type { HttpClient } from './HttpClient';

export type { TwoFactorSetup, TwoFactorStatus };

/** Two-factor login of the logged-in account (TOTP app): enrolment with a QR code, recovery codes, switching off. */
export class TwoFactorApi {
  constructor(private readonly http: HttpClient) {}

  status(): Promise<TwoFactorStatus> {
    return this.http.get('/api/auth/two-factor');
  }

  /** A new secret with its QR code (SVG data: URL) and otpauth URI; in force only after `confirm`. */
  setup(): Promise<TwoFactorSetup> {
    return this.http.post('/api/auth/two-factor/setup');
  }

  /** The first code from the app confirms the enrolment; the answer holds the recovery codes, shown once. */
  confirm(code: string): Promise<{ recoveryCodes: string[] }> {
    return this.http.post('/api/auth/two-factor/confirm', { code });
  }

  regenerateRecoveryCodes(code: string): Promise<{ recoveryCodes: string[] }> {
    return this.http.post('/api/auth/two-factor/recovery-codes', { code });
  }

  disable(password: string, code: string): Promise<{ ok: boolean }> {
    return this.http.post('/api/auth/two-factor/disable', { password, code });
  }

  /** An administrator's reset of another account's second factor (a lost phone); its sessions end. */
  resetFor(accountId: string): Promise<{ ok: boolean }> {
    return this.http.post(`/api/accounts/${encodeURIComponent(accountId)}/two-factor/reset`);
  }
}
