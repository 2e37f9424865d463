import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/index.js';

const key = () => randomBytes(32).toString('base64');
const production = { NODE_ENV: 'production', DATA_KEYS: `k1:${key()}`, DATA_INDEX_KEY: key() };

describe('TWO_FACTOR_REQUIRED', () => {
  it('requires a second factor of system administrators and bureaus in production, of nobody in development', () => {
    expect(loadConfig(production).twoFactorRequired).toEqual(['system', 'province', 'city', 'district']);
    expect(loadConfig({}).twoFactorRequired).toEqual([]);
  });

  it('takes a list of levels, or none', () => {
    expect(loadConfig({ ...production, TWO_FACTOR_REQUIRED: 'none' }).twoFactorRequired).toEqual([]);
    expect(loadConfig({ TWO_FACTOR_REQUIRED: 'system, institution' }).twoFactorRequired).toEqual(['system', 'institution']);
  });

  it('refuses a level that does not exist, naming the setting', () => {
    expect(() => loadConfig({ TWO_FACTOR_REQUIRED: 'system,admins' })).toThrow(ConfigError);
    expect(() => loadConfig({ TWO_FACTOR_REQUIRED: 'system,admins' })).toThrow(/TWO_FACTOR_REQUIRED.*"admins"/);
  });
});
