import type { Actor } from '../../access/index.js';

/** Account levels a TWO_FACTOR_REQUIRED setting may name: `system` (system administrators) and the organisation levels. */
export const TWO_FACTOR_LEVELS = ['system', 'province', 'city', 'district', 'institution'] as const;
export type TwoFactorLevel = typeof TWO_FACTOR_LEVELS[number];

/** Production's default (MLPS level 3): system administrators and the bureaus. */
export const PRODUCTION_TWO_FACTOR_LEVELS: TwoFactorLevel[] = ['system', 'province', 'city', 'district'];

export const isTwoFactorLevel = (value: string): value is TwoFactorLevel => (TWO_FACTOR_LEVELS as readonly string[]).includes(value);

/** Which accounts must log in with a second factor (config TWO_FACTOR_REQUIRED). */
export class TwoFactorPolicy {
  private readonly levels: ReadonlySet<string>;

  constructor(levels: readonly string[]) {
    this.levels = new Set(levels);
  }

  requires(actor: Pick<Actor, 'roles' | 'orgLevel'>): boolean {
    return this.levels.has(actor.orgLevel) || (this.levels.has('system') && actor.roles.includes('system-admin'));
  }
}
