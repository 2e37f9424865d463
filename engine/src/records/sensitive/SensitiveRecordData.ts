import type { RecordDataCodec } from '../../db/index.js';
import type { DefinitionRegistry } from '../../definitions/index.js';
import { CipherError, FieldCipher } from '../../privacy/index.js';

type Data = Record<string, unknown>;

/** The stored exact-search value (blind index) of a sensitive field sits beside it in `records.data`, under this name. */
export const searchProperty = (field: string): string => `_idx_${field}`;
const isSearchProperty = (name: string) => name.startsWith('_idx_');

/** AAD of a field's ciphertext and scope of its blind index: `person.idNumber`. */
export const fieldContext = (entity: string, field: string): string => `${entity}.${field}`;

/**
 * `records.data` at rest: every `x-sensitive` field of the entity in force encrypted (AES-256-GCM,
 * context `<entity>.<field>`) with its blind index beside it (exact search), key rows holding a
 * sensitive field stored as a keyed hash (uniqueness, exact lookup). Opening needs no definition:
 * an `enc1:` value says it is encrypted, and the record's entity and field name give its context.
 */
export class SensitiveRecordData implements RecordDataCodec {
  constructor(private readonly cipher: FieldCipher, private readonly registry: DefinitionRegistry) {}

  private sensitive(entity: string): readonly string[] {
    return this.registry.entity(entity)?.schema.sensitiveFields ?? [];
  }

  /** Every sensitive string encrypted, even one shaped like a ciphertext (input is never trusted to be one). */
  seal(entity: string, data: Data): Data {
    const fields = this.sensitive(entity);
    const sealed = Object.fromEntries(Object.entries(data).filter(([field]) => !isSearchProperty(field)));
    for (const field of fields) {
      const value = data[field];
      if (typeof value !== 'string') continue;
      sealed[field] = this.cipher.encrypt(value, fieldContext(entity, field));
      sealed[searchProperty(field)] = this.cipher.blindIndex(value, fieldContext(entity, field));
    }
    return sealed;
  }

  /**
   * A value of a field that is not sensitive (now) and does not decrypt is text someone typed that
   * merely looks like a ciphertext (`enc1:…` as a name): it is kept as it is, never a failed read. A
   * sensitive field's value that does not decrypt is an error (a key removed too early, changed bytes).
   */
  open(entity: string, data: Data): Data {
    const opened: Data = {};
    for (const [field, value] of Object.entries(data)) {
      if (isSearchProperty(field)) continue;
      opened[field] = FieldCipher.isEncrypted(value) ? this.decrypted(entity, field, value) : value;
    }
    return opened;
  }

  private decrypted(entity: string, field: string, value: string): string {
    try {
      return this.cipher.decrypt(value, fieldContext(entity, field));
    } catch (error) {
      if (error instanceof CipherError && !this.sensitive(entity).includes(field)) return value;
      throw error;
    }
  }

  keyValue(entity: string, key: { name: string; fields: readonly string[] }, values: unknown[]): string {
    const plain = JSON.stringify(values);
    const sensitive = this.sensitive(entity);
    return key.fields.some((f) => sensitive.includes(f)) ? `hmac:${this.cipher.blindIndex(plain, `${entity}#${key.name}`)}` : plain;
  }

  searchValue(entity: string, field: string, value: unknown): string | undefined {
    return this.sensitive(entity).includes(field) ? this.cipher.blindIndex(String(value), fieldContext(entity, field)) : undefined;
  }
}
