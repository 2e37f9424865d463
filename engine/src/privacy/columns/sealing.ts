import { FieldCipher } from '../FieldCipher.js';

/**
 * Encryption of whole column values outside `records` (transfers, pre-registration items, real-name
 * applications, change requests, workflow data). The context names the column (`<table>.<column>`),
 * so a value copied into another column does not decrypt. Rows written before encryption existed
 * stay readable as they are until `rotate-keys` encrypts them (see columnStore).
 */

/** Envelope for a JSON-typed column (PostgreSQL `json`): the column must stay valid JSON. */
interface Envelope { sealed: string }

const isEnvelope = (value: unknown): value is Envelope =>
  typeof value === 'object' && value !== null && FieldCipher.isEncrypted((value as Partial<Envelope>).sealed);

export function sealText(cipher: FieldCipher, plain: string, context: string): string {
  return cipher.encrypt(plain, context);
}

/** The plain text of a stored value; a value still plain (written before encryption) is returned unchanged. */
export function openText(cipher: FieldCipher, stored: string, context: string): string {
  return FieldCipher.isEncrypted(stored) ? cipher.decrypt(stored, context) : stored;
}

/** A JSON value sealed into a text column. */
export function sealJson(cipher: FieldCipher, value: unknown, context: string): string {
  return cipher.encrypt(JSON.stringify(value), context);
}

export function openJson<T>(cipher: FieldCipher, stored: string, context: string): T {
  return JSON.parse(openText(cipher, stored, context)) as T;
}

/** A JSON value sealed into a JSON-typed column, as the JSON text to write. */
export function sealEnvelope(cipher: FieldCipher, value: unknown, context: string): string {
  const envelope: Envelope = { sealed: cipher.encrypt(JSON.stringify(value), context) };
  return JSON.stringify(envelope);
}

/** The value of a JSON-typed column already parsed; one not sealed (written before encryption) is returned unchanged. */
export function openEnvelope<T>(cipher: FieldCipher, parsed: unknown, context: string): T {
  return (isEnvelope(parsed) ? JSON.parse(cipher.decrypt(parsed.sealed, context)) : parsed) as T;
}

/** The sealed string inside a stored value (text or envelope), or undefined when it is still plain. */
export function sealedPart(stored: unknown): string | undefined {
  const value = typeof stored === 'string' && !FieldCipher.isEncrypted(stored) ? tryParse(stored) : stored;
  if (FieldCipher.isEncrypted(value)) return value;
  return isEnvelope(value) ? value.sealed : undefined;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
