type Content = Record<string, unknown>;

const keyOf = (kind: string, key: string) => `zjrj-designer-unsaved:${kind}/${key}`;

/**
 * A copy in the browser of input the server has not confirmed yet: kept while a save is pending or
 * failed (an expired session, a lost connection) and offered again when the definition is reopened.
 */
export const unsavedBackup = {
  keep(kind: string, key: string, content: Content): void {
    try { window.localStorage.setItem(keyOf(kind, key), JSON.stringify(content)); } catch { /* storage full or off: the server copy is all there is */ }
  },
  clear(kind: string, key: string): void {
    try { window.localStorage.removeItem(keyOf(kind, key)); } catch { /* see keep */ }
  },
  /** The kept input, unless it equals what the server holds. */
  read(kind: string, key: string, stored: Content | undefined): Content | undefined {
    try {
      const text = window.localStorage.getItem(keyOf(kind, key));
      if (!text || text === JSON.stringify(stored)) return undefined;
      return JSON.parse(text) as Content;
    } catch {
      return undefined;
    }
  },
};
