import { keyringProblems, parseKeyring, type Keyring } from '../privacy/index.js';
import type { ConfigSource } from './ConfigSource.js';

/**
 * DATA_KEYS and DATA_INDEX_KEY (engine/src/privacy): both or neither; production refuses neither.
 * Messages never quote a key.
 */
export function readKeyring(source: ConfigSource, production: boolean): Keyring | undefined {
  const dataKeys = source.optionalString('DATA_KEYS');
  const indexKey = source.optionalString('DATA_INDEX_KEY');
  if (dataKeys === undefined && indexKey === undefined) {
    if (production) {
      source.refuse('DATA_KEYS', 'and DATA_INDEX_KEY are required in production (sensitive fields are encrypted with them); '
        + 'generate each key with `openssl rand -base64 32` and set DATA_KEYS=k1:<key> and DATA_INDEX_KEY=<key>');
    }
    return undefined;
  }
  const problems = keyringProblems(dataKeys ?? '', indexKey ?? '');
  for (const problem of problems) source.refuse(problem.startsWith('DATA_INDEX_KEY') ? 'DATA_INDEX_KEY' : 'DATA_KEYS', problem.replace(/^DATA_(INDEX_)?KEYS? /, ''));
  return problems.length === 0 ? parseKeyring(dataKeys!, indexKey!) : undefined;
}
