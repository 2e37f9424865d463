import path from 'node:path';

/** Everything the engine reads from its environment, resolved once at start. */
export interface EngineConfig {
  port: number;
  production: boolean;
  /** knex connection: a postgres:// URL, or a SQLite file path. */
  database: DatabaseConfig;
  dataDir: string;
  definitionsDir: string;
  /** Built web apps served by the engine (absent in tests). */
  staticDirs: { runtimeUi?: string; designer?: string };
  logLevel: string;
  session: { idleMinutes: number; absoluteHours: number; cookieSecure: boolean; identityCacheMs: number };
  /** Access channels: the private health network, and the proxies whose X-Forwarded-For is believed. */
  network: { privateNetworks: string[]; trustedProxies: string[] };
  /** Key of the `policy` definition in force (password rules and lockout). */
  passwordPolicy: string;
  defaultPassword: string;
  seedDemo: boolean;
  jobs: JobsConfig;
  /** How often an engine looks for definitions another engine on the same database published (designer), in ms. */
  definitionsPollMs: number;
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
}

export type DatabaseConfig =
  | { client: 'sqlite'; filename: string }
  | { client: 'postgres'; url: string; searchPath?: string };

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

function envInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`Environment variable ${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

/** Loopback and the RFC 1918 / unique-local ranges; a province sets its own health-network ranges. */
const DEFAULT_PRIVATE_NETWORKS = ['127.0.0.0/8', '::1/128', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'];

function cidrList(raw: string | undefined, fallback: string[]): string[] {
  if (raw === undefined) return fallback;
  return raw.split(',').map((part) => part.trim()).filter(Boolean);
}

export function databaseFromUrl(url: string | undefined, dataDir: string): DatabaseConfig {
  if (url && /^postgres(ql)?:\/\//.test(url)) return { client: 'postgres', url };
  if (url && url.startsWith('sqlite:')) return { client: 'sqlite', filename: url.slice('sqlite:'.length) };
  if (url) throw new Error('DATABASE_URL must start with postgres:// or sqlite:');
  return { client: 'sqlite', filename: path.join(dataDir, 'engine.sqlite') };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(repoRoot, 'data'));
  return {
    port: envInt(env, 'PORT', 3000),
    production,
    database: databaseFromUrl(env.DATABASE_URL, dataDir),
    dataDir,
    definitionsDir: path.resolve(env.DEFINITIONS_DIR ?? path.join(repoRoot, 'definitions')),
    staticDirs: {
      runtimeUi: path.join(repoRoot, 'runtime-ui/dist'),
      designer: path.join(repoRoot, 'designer/dist'),
    },
    logLevel: env.LOG_LEVEL ?? 'info',
    session: {
      idleMinutes: envInt(env, 'SESSION_IDLE_MINUTES', 30),
      absoluteHours: envInt(env, 'SESSION_ABSOLUTE_HOURS', 12),
      cookieSecure: env.COOKIE_SECURE === 'true',
      identityCacheMs: env.IDENTITY_CACHE_MS === '0' ? 0 : envInt(env, 'IDENTITY_CACHE_MS', 2000),
    },
    network: {
      privateNetworks: cidrList(env.PRIVATE_NETWORKS, DEFAULT_PRIVATE_NETWORKS),
      trustedProxies: cidrList(env.TRUSTED_PROXIES, []),
    },
    passwordPolicy: env.PASSWORD_POLICY ?? 'password-guide',
    defaultPassword: env.DEFAULT_PASSWORD ?? 'Zjrj@-2007',
    seedDemo: !production && env.SEED_DEMO !== 'false',
    jobs: {
      workers: envInt(env, 'JOB_WORKERS', 1),
      maxConcurrentPerAccount: envInt(env, 'JOB_MAX_PER_ACCOUNT', 2),
      pollMs: envInt(env, 'JOB_POLL_MS', 5000),
      leaseMs: envInt(env, 'JOB_LEASE_MS', 30_000),
      maxAttempts: envInt(env, 'JOB_MAX_ATTEMPTS', 3),
    },
    definitionsPollMs: envInt(env, 'DEFINITIONS_POLL_MS', 5000),
  };
}
