import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, repoRoot, settingNames } from '../index.js';

const dirs: string[] = [];
/** Production needs the data keys (engine/src/privacy); they come from the environment here. */
const KEYS = { DATA_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`, DATA_INDEX_KEY: Buffer.alloc(32, 2).toString('base64') };
afterEach(() => { for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true }); });

/** A config file with these contents (an object is written as JSON, a string as is). */
function configFile(contents: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-config-'));
  dirs.push(dir);
  const file = path.join(dir, 'engine.json');
  fs.writeFileSync(file, typeof contents === 'string' ? contents : JSON.stringify(contents));
  return file;
}

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('loadConfig accepted the configuration');
}

describe('loadConfig', () => {
  it('has the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000, production: false, seedDemo: true, logLevel: 'info', passwordPolicy: 'password-guide',
      database: { client: 'sqlite', filename: path.join(repoRoot, 'data', 'engine.sqlite') },
      http: { jsonLimitBytes: 1024 * 1024, keepAliveTimeoutMs: 65_000, shutdownTimeoutMs: 25_000 },
      session: { idleMinutes: 30, absoluteHours: 12, cookieSecure: false, identityCacheMs: 2000 },
      network: { trustedProxies: [] },
      jobs: { workers: 1, queue: 'auto' },
    });
    expect(config.host).toBeUndefined();
    expect(config.network.privateNetworks).toContain('10.0.0.0/8');
  });

  it('reads the file named by CONFIG_FILE; environment variables win over it', () => {
    const file = configFile({ PORT: 4000, JOB_WORKERS: 3, COOKIE_SECURE: true, TRUSTED_PROXIES: ['10.0.0.5', '10.0.1.0/24'],
      DATABASE_URL: 'postgres://engine:secret@db.internal:5432/zjrj', NODE_ENV: 'production' });
    const config = loadConfig({ CONFIG_FILE: file, PORT: '5000', TRUSTED_PROXIES: '192.168.1.1', SEED_DEMO: 'true', ...KEYS });
    expect(config.port).toBe(5000);
    expect(config.network.trustedProxies).toEqual(['192.168.1.1']);
    expect(config.jobs.workers).toBe(3);
    expect(config.session.cookieSecure).toBe(true);
    expect(config.database).toEqual({ client: 'postgres', url: 'postgres://engine:secret@db.internal:5432/zjrj' });
    expect(config.production).toBe(true);
    expect(config.seedDemo).toBe(false); // never in production, whatever SEED_DEMO says
  });

  it('treats an empty environment variable as unset, so the file (or the default) applies', () => {
    const file = configFile({ JOB_WORKERS: 4 });
    const config = loadConfig({ CONFIG_FILE: file, JOB_WORKERS: '', TRUSTED_PROXIES: '' });
    expect(config.jobs.workers).toBe(4);
    expect(config.network.trustedProxies).toEqual([]);
  });

  it('names every wrong setting and where it came from, all at once', () => {
    const file = configFile({ SESSION_IDLE_MINUTES: 'half an hour', JOB_QUEUE: 'redis', PRIVATE_NETWORKS: ['10.0.0.0/8', '10.0.0.0/33'] });
    const problems = problemsOf({ CONFIG_FILE: file, PORT: '80a', COOKIE_SECURE: 'yes', IDENTITY_CACHE_MS: '-1', LOG_LEVEL: 'verbose',
      TRUSTED_PROXIES: 'nginx.internal', DATABASE_URL: 'mysql://root:hunter2@db/zjrj' });
    const byName = Object.fromEntries(problems.map((p) => [p.slice(0, p.indexOf(':')), p]));
    expect(Object.keys(byName).sort()).toEqual(['COOKIE_SECURE', 'DATABASE_URL', 'IDENTITY_CACHE_MS', 'JOB_QUEUE', 'LOG_LEVEL', 'PORT',
      'PRIVATE_NETWORKS', 'SESSION_IDLE_MINUTES', 'TRUSTED_PROXIES']);
    expect(byName.PORT).toBe('PORT: must be a whole number of at least 1, got "80a" (from environment)');
    expect(byName.SESSION_IDLE_MINUTES).toContain(`(from ${file})`);
    expect(byName.JOB_QUEUE).toContain('"auto", "table", "pg-boss"');
    expect(byName.PRIVATE_NETWORKS).toContain('"10.0.0.0/33"');
    expect(byName.PRIVATE_NETWORKS).not.toContain('"10.0.0.0/8"');
    expect(byName.TRUSTED_PROXIES).toContain('"nginx.internal"');
    expect(problems.join('\n')).not.toContain('hunter2'); // a database URL is never quoted back
  });

  it('refuses settings that contradict each other or leave the valid range', () => {
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT: must be a TCP port (1 to 65535), got 70000']);
    expect(problemsOf({ SESSION_IDLE_MINUTES: '120', SESSION_ABSOLUTE_HOURS: '1' })[0]).toMatch(/^SESSION_IDLE_MINUTES: .*SESSION_ABSOLUTE_HOURS/);
    expect(problemsOf({ SHUTDOWN_TIMEOUT_MS: '0' })[0]).toMatch(/^SHUTDOWN_TIMEOUT_MS: must be a whole number of at least 1/);
    expect(loadConfig({ IDENTITY_CACHE_MS: '0' }).session.identityCacheMs).toBe(0);
  });

  it('refuses keys of the file that name no setting, and values of the wrong type', () => {
    const file = configFile({ PROT: 3000, JOB_WORKERS: 2, STATIC: { a: 1 } });
    expect(() => loadConfig({ CONFIG_FILE: file })).toThrow(ConfigError);
    const problems = (() => { try { loadConfig({ CONFIG_FILE: file }); } catch (e) { return (e as ConfigError).problems; } return []; })();
    expect(problems).toEqual([`STATIC: must be a string, number, boolean or list of strings (in ${file})`]);
    const typo = configFile({ PROT: 3000, JOB_WORKERS: 2, TRUSTED_PROXIES: 7 });
    expect(problemsOf({ CONFIG_FILE: typo })).toEqual([
      `TRUSTED_PROXIES: must be a list of strings, got 7 (from ${typo})`,
      `PROT: no such setting (in ${typo}); see docs/configuration.md for the names`,
    ]);
  });

  it('refuses production without the data keys, and wrong keys without quoting them', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^DATA_KEYS: and DATA_INDEX_KEY are required in production/)]);
    const short = Buffer.alloc(16, 3).toString('base64');
    const problems = problemsOf({ DATA_KEYS: `k1:${short}`, DATA_INDEX_KEY: short });
    expect(problems).toEqual([expect.stringMatching(/^DATA_KEYS: key "k1" must be 32 bytes/), expect.stringMatching(/^DATA_INDEX_KEY: must be 32 bytes/)]);
    expect(problems.join('\n')).not.toContain(short);
    expect(problemsOf({ DATA_KEYS: KEYS.DATA_KEYS })).toEqual([expect.stringMatching(/^DATA_INDEX_KEY: must be 32 bytes/)]);
    const config = loadConfig({ NODE_ENV: 'production', ...KEYS, DATA_KEYS: `k2:${Buffer.alloc(32, 4).toString('base64')},${KEYS.DATA_KEYS}` });
    expect(config.keyring?.activeId).toBe('k2');
    expect([...config.keyring!.keys.keys()]).toEqual(['k2', 'k1']);
  });

  it('says what is wrong with the file itself', () => {
    expect(problemsOf({ CONFIG_FILE: path.join(os.tmpdir(), 'no-such-engine.json') })[0]).toMatch(/^CONFIG_FILE: cannot read .*ENOENT/);
    expect(problemsOf({ CONFIG_FILE: configFile('{"PORT": 3000,}') })[0]).toMatch(/^CONFIG_FILE: .* is not valid JSON/);
    expect(problemsOf({ CONFIG_FILE: configFile('[1, 2]') })[0]).toMatch(/must hold one JSON object/);
  });

  it('accepts the sample file of the documentation', () => {
    const config = loadConfig({ CONFIG_FILE: path.join(repoRoot, 'docs/examples/engine.example.json'), ...KEYS });
    expect(config).toMatchObject({ production: true, host: '10.20.0.11', network: { trustedProxies: ['10.20.0.10'] } });
  });

  it('documents every setting in docs/configuration.md, and nothing that is not one', () => {
    const doc = fs.readFileSync(path.join(repoRoot, 'docs/configuration.md'), 'utf8');
    const documented = new Set([...doc.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]!));
    expect([...documented].sort()).toEqual(settingNames().sort());
  });

  it('stops the engine at start with every problem on stderr and a non-zero exit code', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: path.join(repoRoot, 'engine'), encoding: 'utf8', timeout: 60_000,
      env: { ...process.env, CONFIG_FILE: '', PORT: 'eighty', JOB_WORKERS: '0', DATABASE_URL: 'sqlite:/nonexistent/never-opened.sqlite' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT: must be a whole number of at least 1, got "eighty" (from environment)');
    expect(result.stderr).toContain('JOB_WORKERS: must be a whole number of at least 1, got "0"');
    expect(result.stderr).not.toMatch(/at loadConfig|\.ts:\d+/); // a message for an operator, not a stack trace
  }, 60_000);
});
