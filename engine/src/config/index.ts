import path from 'node:path';
import { isAddressOrCidr } from './cidr.js';
import { ConfigSource } from './ConfigSource.js';
import { readStorage, type StorageConfig } from './storage.js';
import { readTwoFactorRequired } from './twoFactor.js';
import { readThrottle, type ThrottleConfig } from './throttle.js';
import { readAudit, type AuditConfig } from './audit.js';
import { readKeyring } from './keys.js';
import type { Keyring } from '../privacy/index.js';

/** Everything the engine reads from its environment, resolved once at start. */
export interface EngineConfig {
  port: number;
  /** Address to listen on; all interfaces when absent. */
  host?: string;
  production: boolean;
  /** knex connection: a postgres:// URL, or a SQLite file path. */
  database: DatabaseConfig;
  dataDir: string;
  definitionsDir: string;
  /** Built web apps served by the engine (absent in tests). */
  staticDirs: { runtimeUi?: string; designer?: string };
  logLevel: string;
  /** HTTP limits and the graceful shutdown (see ops/). */
  http: HttpConfig;
  /** Requests per window: logins per address, expensive endpoints per account and address (429). */
  throttle: ThrottleConfig;
  session: { idleMinutes: number; absoluteHours: number; cookieSecure: boolean; identityCacheMs: number };
  /** Access channels: the private health network, and the proxies whose X-Forwarded-For is believed. */
  network: { privateNetworks: string[]; trustedProxies: string[] };
  /** Key of the `policy` definition in force (password rules and lockout). */
  passwordPolicy: string;
  /** Account levels that must log in with a second factor (TWO_FACTOR_REQUIRED): `system` (administrators), `province` … */
  twoFactorRequired: string[];
  defaultPassword: string;
  seedDemo: boolean;
  jobs: JobsConfig;
  /** Attachments' bytes: the filesystem or an S3-compatible bucket, and the orphan sweep. */
  storage: StorageConfig;
  /** How often an engine looks for definitions another engine on the same database published (designer), in ms. */
  definitionsPollMs: number;
  /** Limits on uploaded content (engine/src/files): the largest image in pixels (UPLOAD_MAX_PIXELS), the pixels decoding at once (UPLOAD_DECODE_BUDGET_PIXELS). */
  uploads: { maxImagePixels: number; decodeBudgetPixels: number };
  /** The audit log's retention (AUDIT_RETENTION_DAYS, at least 183) and how often it is enforced. */
  audit: AuditConfig;
  /** Keys of sensitive fields at rest (DATA_KEYS, DATA_INDEX_KEY); absent outside production: `<DATA_DIR>/keys.json`. */
  keyring?: Keyring;
}

/** Background jobs (imports of more than 100 rows): the in-process worker and its limits. */
export interface JobsConfig {
  /** Jobs one engine process runs at the same time. */
  workers: number;
  /** Queued plus running jobs one account may have; one more is refused with 429. */
  maxConcurrentPerAccount: number;
  /** How often a worker looks for work woken by nothing (leases expired in another process). */
  pollMs: number;
  /** How long a running job's claim lasts without a heartbeat (renewed every third of it). */
  leaseMs: number;
  /** Runs a job may start (first run and resumptions) before it is given up as interrupted. */
  maxAttempts: number;
  /**
   * How jobs reach a worker: `table` (claims on the `jobs` table; SQLite, one process), `pg-boss`
   * (PostgreSQL, several engine processes), or `auto`: pg-boss on PostgreSQL, the table on SQLite.
   */
  queue: 'auto' | 'table' | 'pg-boss';
  /** pg-boss: how long a delivery may stay active before pg-boss gives it to another worker. */
  expireSeconds: number;
}

export interface HttpConfig {
  /** Largest JSON request body, in bytes (uploads have their own limits). */
  jsonLimitBytes: number;
  /** How long an idle keep-alive connection stays open; above the proxy's upstream keepalive_timeout. */
  keepAliveTimeoutMs: number;
  /** On SIGTERM/SIGINT: how long in-flight requests may still take before their connections are cut. */
  shutdownTimeoutMs: number;
  /** Time a client has to send a request's headers (slowloris), and its whole request with the body; then 408. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Largest request line plus headers, in bytes; larger ones get 431. */
  maxHeaderBytes: number;
}

export type DatabaseConfig =
  | { client: 'sqlite'; filename: string }
  | { client: 'postgres'; url: string; searchPath?: string };

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export { ConfigError } from './ConfigSource.js';
export type { FileSweepConfig, S3Config, StorageConfig } from './storage.js';
export type { ThrottleConfig, ThrottleLimit } from './throttle.js';
export { MIN_AUDIT_RETENTION_DAYS, type AuditConfig } from './audit.js';

/** Loopback and the RFC 1918 / unique-local ranges; a province sets its own health-network ranges. */
const DEFAULT_PRIVATE_NETWORKS = ['127.0.0.0/8', '::1/128', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function databaseFromUrl(url: string | undefined, dataDir: string): DatabaseConfig {
  if (url && /^postgres(ql)?:\/\//.test(url)) return { client: 'postgres', url };
  if (url && url.startsWith('sqlite:')) return { client: 'sqlite', filename: url.slice('sqlite:'.length) };
  if (url) throw new Error('DATABASE_URL must start with postgres:// or sqlite:');
  return { client: 'sqlite', filename: path.join(dataDir, 'engine.sqlite') };
}

/** DATABASE_URL, checked at start (the URL is never quoted back: it may hold a password). */
function database(source: ConfigSource, dataDir: string): DatabaseConfig {
  const url = source.optionalString('DATABASE_URL');
  const fallback = databaseFromUrl(undefined, dataDir);
  if (url && !/^(postgres(ql)?:\/\/|sqlite:)/.test(url)) {
    source.refuse('DATABASE_URL', 'must start with postgres:// (e.g. postgres://engine:secret@db.internal:5432/zjrj) or sqlite:/path/file.sqlite');
    return fallback;
  }
  if (url && url.startsWith('postgres') && !URL.canParse(url)) {
    source.refuse('DATABASE_URL', 'is not a valid URL; percent-encode special characters in the password');
    return fallback;
  }
  return databaseFromUrl(url, dataDir);
}

/**
 * The engine's settings: environment variables over the JSON file named by CONFIG_FILE (same keys),
 * over the defaults. Every setting is documented in docs/configuration.md. Throws a ConfigError
 * naming every wrong setting; unknown keys in the file are wrong too.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const source = ConfigSource.from(env);
  const config = readSettings(source);
  source.finish();
  return config;
}

/** The name of every setting (environment variable and config file key), for the documentation check. */
export function settingNames(): string[] {
  const source = ConfigSource.from({});
  readSettings(source);
  return source.names();
}

/** Reads every setting, unconditionally (a setting read only sometimes would be refused in the file). */
function readSettings(source: ConfigSource): EngineConfig {
  const production = source.string('NODE_ENV', 'development') === 'production';
  const dataDir = source.path('DATA_DIR', path.join(repoRoot, 'data'));
  const cidrs = (name: string, fallback: string[]) => source.list(name, fallback, isAddressOrCidr, 'IP addresses or CIDR ranges');
  const seedDemo = source.bool('SEED_DEMO', true);
  const host = source.optionalString('HOST');
  const config: EngineConfig = {
    port: source.int('PORT', 3000),
    ...(host ? { host } : {}),
    production,
    database: database(source, dataDir),
    dataDir,
    definitionsDir: source.path('DEFINITIONS_DIR', path.join(repoRoot, 'definitions')),
    staticDirs: {
      runtimeUi: source.path('RUNTIME_UI_DIR', path.join(repoRoot, 'runtime-ui/dist')),
      designer: source.path('DESIGNER_DIR', path.join(repoRoot, 'designer/dist')),
    },
    logLevel: source.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    http: {
      jsonLimitBytes: source.int('HTTP_JSON_LIMIT_BYTES', 1024 * 1024),
      keepAliveTimeoutMs: source.int('HTTP_KEEP_ALIVE_TIMEOUT_MS', 65_000),
      shutdownTimeoutMs: source.int('SHUTDOWN_TIMEOUT_MS', 25_000),
      headersTimeoutMs: source.int('HTTP_HEADERS_TIMEOUT_MS', 66_000),
      requestTimeoutMs: source.int('HTTP_REQUEST_TIMEOUT_MS', 300_000),
      maxHeaderBytes: source.int('HTTP_MAX_HEADER_BYTES', 16_384, 1024),
    },
    throttle: readThrottle(source),
    session: {
      idleMinutes: source.int('SESSION_IDLE_MINUTES', 30),
      absoluteHours: source.int('SESSION_ABSOLUTE_HOURS', 12),
      cookieSecure: source.bool('COOKIE_SECURE', false),
      identityCacheMs: source.int('IDENTITY_CACHE_MS', 2000, 0),
    },
    network: {
      privateNetworks: cidrs('PRIVATE_NETWORKS', DEFAULT_PRIVATE_NETWORKS),
      trustedProxies: cidrs('TRUSTED_PROXIES', []),
    },
    passwordPolicy: source.string('PASSWORD_POLICY', 'password-guide'),
    twoFactorRequired: readTwoFactorRequired(source, production),
    defaultPassword: source.string('DEFAULT_PASSWORD', 'Zjrj@-2007'),
    seedDemo: !production && seedDemo,
    jobs: {
      workers: source.int('JOB_WORKERS', 1),
      maxConcurrentPerAccount: source.int('JOB_MAX_PER_ACCOUNT', 2),
      pollMs: source.int('JOB_POLL_MS', 5000),
      leaseMs: source.int('JOB_LEASE_MS', 30_000),
      maxAttempts: source.int('JOB_MAX_ATTEMPTS', 3),
      queue: source.oneOf('JOB_QUEUE', ['auto', 'table', 'pg-boss'], 'auto'),
      expireSeconds: source.int('JOB_EXPIRE_SECONDS', 900),
    },
    definitionsPollMs: source.int('DEFINITIONS_POLL_MS', 5000),
    uploads: { maxImagePixels: source.int('UPLOAD_MAX_PIXELS', 40_000_000),
      decodeBudgetPixels: source.int('UPLOAD_DECODE_BUDGET_PIXELS', 80_000_000) },
    storage: readStorage(source, dataDir),
    audit: readAudit(source),
  };
  const keyring = readKeyring(source, production);
  if (keyring) config.keyring = keyring;
  if (config.http.headersTimeoutMs > config.http.requestTimeoutMs) {
    source.refuse('HTTP_HEADERS_TIMEOUT_MS', `(${config.http.headersTimeoutMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${config.http.requestTimeoutMs})`);
  }
  if (config.port > 65_535) source.refuse('PORT', `must be a TCP port (1 to 65535), got ${config.port}`);
  if (config.session.idleMinutes > config.session.absoluteHours * 60) {
    source.refuse('SESSION_IDLE_MINUTES', `(${config.session.idleMinutes}) must not exceed SESSION_ABSOLUTE_HOURS × 60 (${config.session.absoluteHours * 60})`);
  }
  return config;
}
