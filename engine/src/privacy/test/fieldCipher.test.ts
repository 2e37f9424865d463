import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CipherError, developmentKeyring, FieldCipher, keyringProblems, parseKeyring } from '../index.js';

const key = () => randomBytes(32).toString('base64');
const INDEX = key();
const K1 = `k1:${key()}`;
const K2 = `k2:${key()}`;
const cipherOf = (dataKeys: string, indexKey = INDEX) => new FieldCipher(parseKeyring(dataKeys, indexKey));
const ID = '11010519491231002X';

describe('FieldCipher', () => {
  it('round-trips a value, randomised, naming the key that encrypted it', () => {
    const cipher = cipherOf(K1);
    const a = cipher.encrypt(ID, 'person.idNumber');
    const b = cipher.encrypt(ID, 'person.idNumber');
    expect(a).toMatch(/^enc1:k1:/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(ID);
    expect(cipher.decrypt(a, 'person.idNumber')).toBe(ID);
    expect(FieldCipher.isEncrypted(a)).toBe(true);
    expect(FieldCipher.isEncrypted(ID)).toBe(false);
  });

  it('refuses a value moved to another field or entity (context bound as AAD)', () => {
    const cipher = cipherOf(K1);
    const stored = cipher.encrypt(ID, 'person.idNumber');
    expect(() => cipher.decrypt(stored, 'person.mobile')).toThrow(CipherError);
  });

  it('refuses changed bytes, an unknown key id and a malformed value', () => {
    const cipher = cipherOf(K1);
    const stored = cipher.encrypt(ID, 'person.idNumber');
    const body = Buffer.from(stored.slice('enc1:k1:'.length), 'base64url');
    body[body.length - 1]! ^= 1;
    expect(() => cipher.decrypt(`enc1:k1:${body.toString('base64url')}`, 'person.idNumber')).toThrow(expect.objectContaining({ reason: 'tampered' }));
    expect(() => cipherOf(K2).decrypt(stored, 'person.idNumber')).toThrow(expect.objectContaining({ reason: 'unknownKey' }));
    expect(() => cipher.decrypt('enc1:k1:AAAA', 'person.idNumber')).toThrow(expect.objectContaining({ reason: 'malformed' }));
    expect(() => cipher.decrypt(ID, 'person.idNumber')).toThrow(expect.objectContaining({ reason: 'malformed' }));
  });

  it('decrypts under every configured key, encrypts under the first, and tells what needs rotation', () => {
    const old = cipherOf(K1).encrypt(ID, 'person.idNumber');
    const rotated = cipherOf(`${K2},${K1}`);
    expect(rotated.decrypt(old, 'person.idNumber')).toBe(ID);
    expect(rotated.needsRotation(old)).toBe(true);
    const fresh = rotated.encrypt(ID, 'person.idNumber');
    expect(fresh).toMatch(/^enc1:k2:/);
    expect(rotated.needsRotation(fresh)).toBe(false);
    expect(rotated.needsRotation(ID)).toBe(false);
  });

  it('gives a blind index stable across data keys, separated by scope and by index key', () => {
    const a = cipherOf(K1).blindIndex(ID, 'person.idNumber');
    expect(cipherOf(`${K2},${K1}`).blindIndex(ID, 'person.idNumber')).toBe(a);
    expect(cipherOf(K1).blindIndex(ID, 'transfer.idNumber')).not.toBe(a);
    expect(cipherOf(K1, key()).blindIndex(ID, 'person.idNumber')).not.toBe(a);
    expect(a).not.toContain(ID);
  });
});

describe('keyring settings', () => {
  it('accepts well-formed keys and names every problem without quoting a key', () => {
    expect(keyringProblems(`${K1},${K2}`, INDEX)).toEqual([]);
    const secret = Buffer.alloc(16, 7).toString('base64');
    const problems = keyringProblems(`k1:${secret},k1:${key()},:${key()}`, secret);
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).not.toContain(secret);
    expect(keyringProblems('', INDEX)[0]).toMatch(/at least one key/);
  });

  it('makes development keys once in DATA_DIR/keys.json (0600) and reads the same keys again', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keys-'));
    try {
      const first = developmentKeyring(dir);
      const again = developmentKeyring(dir);
      expect(again.activeId).toBe(first.activeId);
      expect(again.keys.get(first.activeId)).toEqual(first.keys.get(first.activeId));
      expect(fs.statSync(path.join(dir, 'keys.json')).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
