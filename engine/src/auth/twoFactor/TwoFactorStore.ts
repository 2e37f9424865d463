import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { FieldCipher } from '../../privacy/index.js';
import { newId } from '../../ids/index.js';

export interface TwoFactorRow { secret: string; status: 'pending' | 'active'; lastStep: number | null }

/** The AAD of a secret: a ciphertext copied to another account does not decrypt there. */
const secretContext = (accountId: string) => `two_factor.secret/${accountId}`;
const challengeId = (token: string) => createHash('sha256').update(token).digest('hex');

/** The tables of migration 0017: secrets (encrypted), used time steps, recovery codes, login challenges. */
export class TwoFactorStore {
  constructor(private readonly knex: Knex, private readonly cipher: FieldCipher) {}

  async get(accountId: string): Promise<TwoFactorRow | undefined> {
    const row = await this.knex('two_factor').where('account_id', accountId).first() as
      { secret: string; status: 'pending' | 'active'; last_step: number | null } | undefined;
    if (!row) return undefined;
    return { secret: this.cipher.decrypt(row.secret, secretContext(accountId)), status: row.status,
      lastStep: row.last_step === null ? null : Number(row.last_step) };
  }

  /** A new secret awaiting its first code (replaces an unconfirmed one). */
  async savePending(accountId: string, secret: string, now: string): Promise<void> {
    await this.knex.transaction(async (trx) => {
      await trx('two_factor').where({ account_id: accountId, status: 'pending' }).delete();
      await trx('two_factor').insert({ account_id: accountId, secret: this.cipher.encrypt(secret, secretContext(accountId)),
        status: 'pending', created_at: now });
    });
  }

  /** Confirms the enrolment with its first code's step and the recovery codes' hashes; false when it was confirmed meanwhile. */
  async activate(accountId: string, step: number, codeHashes: string[], now: string, audit: (trx: Knex.Transaction) => Promise<void>): Promise<boolean> {
    return this.knex.transaction(async (trx) => {
      const changed = await trx('two_factor').where({ account_id: accountId, status: 'pending' })
        .update({ status: 'active', last_step: step, confirmed_at: now });
      if (changed !== 1) return false;
      await this.writeCodes(trx, accountId, codeHashes);
      await trx('accounts').where('id', accountId).update({ two_factor_enabled_at: now });
      await audit(trx);
      return true;
    });
  }

  /** Records `step` as used; false when it or a later one was used already (a replayed code). */
  async useStep(accountId: string, step: number): Promise<boolean> {
    const changed = await this.knex('two_factor').where({ account_id: accountId, status: 'active' })
      .where((w) => { void w.whereNull('last_step').orWhere('last_step', '<', step); })
      .update({ last_step: step });
    return changed === 1;
  }

  async unusedCodes(accountId: string): Promise<Array<{ id: string; codeHash: string }>> {
    const rows = await this.knex('two_factor_recovery_codes').where('account_id', accountId).whereNull('used_at')
      .select('id', 'code_hash') as Array<{ id: string; code_hash: string }>;
    return rows.map((r) => ({ id: r.id, codeHash: r.code_hash }));
  }

  /** Marks a recovery code used; false when a parallel request used it first. */
  async useCode(id: string, now: string): Promise<boolean> {
    return (await this.knex('two_factor_recovery_codes').where('id', id).whereNull('used_at').update({ used_at: now })) === 1;
  }

  async replaceCodes(accountId: string, codeHashes: string[], audit: (trx: Knex.Transaction) => Promise<void>): Promise<void> {
    await this.knex.transaction(async (trx) => {
      await this.writeCodes(trx, accountId, codeHashes);
      await audit(trx);
    });
  }

  private async writeCodes(trx: Knex.Transaction, accountId: string, codeHashes: string[]): Promise<void> {
    await trx('two_factor_recovery_codes').where('account_id', accountId).delete();
    await trx('two_factor_recovery_codes').insert(codeHashes.map((codeHash) => ({ id: newId(), account_id: accountId, code_hash: codeHash })));
  }

  /** Removes the enrolment, its codes and its pending logins; false when there was none. */
  async remove(accountId: string, audit: (trx: Knex.Transaction) => Promise<void>): Promise<boolean> {
    return this.knex.transaction(async (trx) => {
      const removed = await trx('two_factor').where('account_id', accountId).delete();
      await trx('two_factor_recovery_codes').where('account_id', accountId).delete();
      await trx('two_factor_challenges').where('account_id', accountId).delete();
      await trx('accounts').where('id', accountId).update({ two_factor_enabled_at: null });
      if (removed > 0) await audit(trx);
      return removed > 0;
    });
  }

  /** A login waiting for its code: the cookie gets the token, the table only its SHA-256. */
  async openChallenge(accountId: string, now: Date, ttlMs: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.knex('two_factor_challenges').where('expires_at', '<', now.toISOString()).delete();
    await this.knex('two_factor_challenges').insert({ id: challengeId(token), account_id: accountId,
      expires_at: new Date(now.getTime() + ttlMs).toISOString() });
    return token;
  }

  async challengeAccount(token: string | undefined, now: Date): Promise<string | undefined> {
    if (!token || token.length > 100) return undefined;
    const row = await this.knex('two_factor_challenges').where('id', challengeId(token)).first() as
      { account_id: string; expires_at: string } | undefined;
    return row && row.expires_at > now.toISOString() ? row.account_id : undefined;
  }

  async closeChallenge(token: string): Promise<void> {
    await this.knex('two_factor_challenges').where('id', challengeId(token)).delete();
  }

  /** Key rotation: secrets under an older key are rewritten under the active one. */
  async rotate(): Promise<number> {
    const rows = await this.knex('two_factor').select('account_id', 'secret') as Array<{ account_id: string; secret: string }>;
    let rotated = 0;
    for (const row of rows.filter((r) => this.cipher.needsRotation(r.secret))) {
      const plain = this.cipher.decrypt(row.secret, secretContext(row.account_id));
      rotated += await this.knex('two_factor').where({ account_id: row.account_id, secret: row.secret })
        .update({ secret: this.cipher.encrypt(plain, secretContext(row.account_id)) });
    }
    return rotated;
  }
}
