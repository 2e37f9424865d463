import { registerEncryptedStore } from '../../privacy/index.js';
import { TwoFactorStore } from './TwoFactorStore.js';

export { enrolmentRequired, challengeExpired } from './messages.js';
export { isTwoFactorLevel, PRODUCTION_TWO_FACTOR_LEVELS, TWO_FACTOR_LEVELS, TwoFactorPolicy, type TwoFactorLevel } from './TwoFactorPolicy.js';
export { TwoFactorService, type SecondFactor, type TwoFactorServiceDeps } from './TwoFactorService.js';
export { TwoFactorStore } from './TwoFactorStore.js';

/** TOTP secrets are rewritten under the active data key by `npm run rotate-keys`. */
registerEncryptedStore({ name: 'two_factor.secret', rotate: (knex, cipher) => new TwoFactorStore(knex, cipher).rotate() });
