import { isTwoFactorLevel, PRODUCTION_TWO_FACTOR_LEVELS } from '../auth/twoFactor/TwoFactorPolicy.js';
import type { ConfigSource } from './ConfigSource.js';

/**
 * TWO_FACTOR_REQUIRED: the account levels that must log in with a second factor (TOTP), a list of
 * `system` (system administrators), `province`, `city`, `district`, `institution`, or `none`.
 * Default: the administrators and bureaus in production (MLPS level 3), none in development and demo.
 */
export function readTwoFactorRequired(source: ConfigSource, production: boolean): string[] {
  const levels = source.list('TWO_FACTOR_REQUIRED', production ? PRODUCTION_TWO_FACTOR_LEVELS : [],
    (item) => item === 'none' || isTwoFactorLevel(item), 'account levels (system, province, city, district, institution) or none');
  return levels.filter((level) => level !== 'none');
}
