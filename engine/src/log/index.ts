import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/**
 * Keys whose values never reach a log line, wherever they appear in a logged object.
 * ID numbers and passwords must not be logged (R-13, PIPL); request bodies are never logged at all.
 */
const REDACTED_KEYS = [
  'password', 'oldPassword', 'newPassword', 'confirmPassword', 'passwordHash',
  'idNumber', 'csrfToken', 'cookie', 'authorization', 'data', 'body',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const paths = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);
  const options = { level, redact: { paths, censor: '[redacted]' }, base: undefined };
  return destination ? pino(options, destination) : pino(options);
}

/** Digit runs that could be ID or phone numbers never reach a log line, even inside an error message. */
export const maskDigits = (text: string): string =>
  text.replace(/(?<![0-9A-Za-z])\d{6,}[\dXx]?(?![0-9A-Za-z])/g, '[number]');

/**
 * An error as it may be logged: database errors quote the failing SQL with its bound values
 * (personal data), so messages and stacks are masked and truncated.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  const e = error as Error & { code?: unknown };
  return { name: e?.name, code: e?.code, message: maskDigits(String(e?.message)).slice(0, 500),
    stack: maskDigits(String(e?.stack ?? '')).slice(0, 2000) };
}
