/**
 * A backup or restore refused or failed for a reason the operator can act on. The message says
 * what is wrong and what to do; the CLIs print it as it is (English: it reaches an operator's
 * terminal, never a user's screen).
 */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}
