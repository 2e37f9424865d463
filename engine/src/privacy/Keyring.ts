import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The data keys (first one encrypts, all decrypt) and the blind-index key, all 32 bytes. */
export interface Keyring {
  activeId: string;
  keys: ReadonlyMap<string, Buffer>;
  indexKey: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Problems with the key settings, as sentences for the start-up refusal (never quoting a key). */
export function keyringProblems(dataKeys: string, indexKey: string): string[] {
  const problems: string[] = [];
  const entries = dataKeys.split(',').map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) problems.push('DATA_KEYS must list at least one key as id:base64 (32 random bytes, e.g. `openssl rand -base64 32`)');
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    if (!KEY_ID.test(id)) problems.push(`DATA_KEYS entry ${index + 1} must start with a key id (letters, digits, - or _) followed by ":"`);
    else if (seen.has(id)) problems.push(`DATA_KEYS names key id "${id}" twice`);
    else if (Buffer.from(entry.slice(colon + 1), 'base64').length !== 32) problems.push(`DATA_KEYS key "${id}" must be 32 bytes in base64`);
    seen.add(id);
  }
  if (Buffer.from(indexKey, 'base64').length !== 32) problems.push('DATA_INDEX_KEY must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)');
  return problems;
}

/** Parses settings already checked by `keyringProblems`. */
export function parseKeyring(dataKeys: string, indexKey: string): Keyring {
  const entries = dataKeys.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const colon = entry.indexOf(':');
    return [entry.slice(0, colon), Buffer.from(entry.slice(colon + 1), 'base64')] as const;
  });
  return { activeId: entries[0]![0], keys: new Map(entries), indexKey: Buffer.from(indexKey, 'base64') };
}

/**
 * Development only: keys kept in `<DATA_DIR>/keys.json` (mode 0600), made at first start, so that
 * `npm start` needs no setting. Production refuses to start without DATA_KEYS and DATA_INDEX_KEY.
 */
export function developmentKeyring(dataDir: string): Keyring {
  const file = path.join(dataDir, 'keys.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const made = { dataKeys: `dev1:${randomBytes(32).toString('base64')}`, indexKey: randomBytes(32).toString('base64') };
    try {
      fs.writeFileSync(file, JSON.stringify(made, null, 2), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { dataKeys: string; indexKey: string };
  return parseKeyring(stored.dataKeys, stored.indexKey);
}
