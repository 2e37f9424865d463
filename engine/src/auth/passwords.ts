import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's memory (19 MiB) and 4 passes: ~30 ms of CPU per check on the project's
 * 2-core machines (issue 3 asks 20–100 ms; `npm run bench` prints it). `algorithm: 2` is
 * Algorithm.Argon2id (a const enum, not importable under isolatedModules).
 */
const options = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 4, parallelism: 1 };

/** Whether a stored hash was made with other parameters (then it is replaced at the next login). */
export function needsRehash(passwordHash: string): boolean {
  return !passwordHash.startsWith(`$argon2id$v=19$m=${options.memoryCost},t=${options.timeCost},p=${options.parallelism}$`);
}

/** Passwords are compared after NFKC (full-width letters and digits count as their ASCII forms). */
export const normalizePassword = (password: string): string => password.normalize('NFKC');

export const hashPassword = (password: string): Promise<string> => hash(normalizePassword(password), options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalizePassword(password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as a real check, for unknown usernames: the answer and its timing must not
 * tell an attacker which usernames exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash('dummy-password-for-timing-only', options);
  await verifyPassword(await dummyHash, password);
  return false;
}
