import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Keyring } from './Keyring.js';

/** Stored form of an encrypted value: `enc1:<keyId>:<base64url(iv ‖ tag ‖ ciphertext)>`. */
const PREFIX = 'enc1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A stored value that cannot be decrypted: unknown key id (a key removed too early) or changed bytes. */
export class CipherError extends Error {
  constructor(readonly reason: 'unknownKey' | 'tampered' | 'malformed', keyId?: string) {
    super(reason === 'unknownKey' ? `No data key "${keyId}" is configured (DATA_KEYS); it may not be removed before rotation has finished`
      : reason === 'tampered' ? 'Stored value failed authentication (wrong key or changed bytes)' : 'Stored value is not in the enc1 format');
    this.name = 'CipherError';
  }
}

/**
 * AES-256-GCM for sensitive values at rest, and an HMAC-SHA256 blind index for their uniqueness and
 * exact search. `context` (for example `person.idNumber`) is bound as additional authenticated data,
 * so a ciphertext copied into another field or entity does not decrypt. Values carry the id of the
 * key that encrypted them: after `DATA_KEYS` gains a new first key, old values still decrypt, and the
 * rotation rewrites them under the new one (`needsRotation`).
 */
export class FieldCipher {
  constructor(private readonly keyring: Keyring) {}

  static isEncrypted(value: unknown): value is string {
    return typeof value === 'string' && value.startsWith(PREFIX);
  }

  get activeKeyId(): string {
    return this.keyring.activeId;
  }

  encrypt(plain: string, context: string): string {
    const key = this.keyring.keys.get(this.keyring.activeId)!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${this.keyring.activeId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  decrypt(stored: string, context: string): string {
    const { keyId, payload } = parse(stored);
    const key = this.keyring.keys.get(keyId);
    if (!key) throw new CipherError('unknownKey', keyId);
    if (payload.length < IV_BYTES + TAG_BYTES) throw new CipherError('malformed');
    const decipher = createDecipheriv('aes-256-gcm', key, payload.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(payload.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(payload.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new CipherError('tampered');
    }
  }

  /** Encrypted under a key other than the active one (the rotation rewrites it). */
  needsRotation(stored: string): boolean {
    return FieldCipher.isEncrypted(stored) && parse(stored).keyId !== this.keyring.activeId;
  }

  /**
   * Keyed hash for equality only: the same value in the same scope (for example `person.idNumber`)
   * always gives the same index, and nothing about the value can be learnt without the index key.
   */
  blindIndex(plain: string, scope: string): string {
    return createHmac('sha256', this.keyring.indexKey).update(scope, 'utf8').update('\0').update(plain, 'utf8').digest('base64url');
  }
}

function parse(stored: string): { keyId: string; payload: Buffer } {
  if (!FieldCipher.isEncrypted(stored)) throw new CipherError('malformed');
  const rest = stored.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon <= 0) throw new CipherError('malformed');
  return { keyId: rest.slice(0, colon), payload: Buffer.from(rest.slice(colon + 1), 'base64url') };
}
