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
