import type { ConfigSource } from './ConfigSource.js';

/** How many requests of one kind an address (or an account) may make per fixed window; 0: no limit. */
export interface ThrottleLimit {
  perAddress: number;
  perAccount: number;
  windowSeconds: number;
}

/** Request throttling (engine/src/throttle): logins per client address, expensive endpoints per account and per address. */
export interface ThrottleConfig {
  login: ThrottleLimit;
  expensive: ThrottleLimit;
}

/** THROTTLE_* settings (docs/configuration.md). */
export function readThrottle(source: ConfigSource): ThrottleConfig {
  return {
    login: {
      perAddress: source.int('THROTTLE_LOGIN_PER_ADDRESS', 60, 0),
      perAccount: 0, // the per-username lockout (auth/LoginThrottle) already limits one account's attempts
      windowSeconds: source.int('THROTTLE_LOGIN_WINDOW_SECONDS', 300),
    },
    expensive: {
      perAddress: source.int('THROTTLE_EXPENSIVE_PER_ADDRESS', 120, 0),
      perAccount: source.int('THROTTLE_EXPENSIVE_PER_ACCOUNT', 30, 0),
      windowSeconds: source.int('THROTTLE_EXPENSIVE_WINDOW_SECONDS', 300),
    },
  };
}
