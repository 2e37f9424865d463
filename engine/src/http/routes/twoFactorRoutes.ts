import type { TwoFactorSetup, TwoFactorStatus } from '../../contract/index.js';
import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter } from '../routing/index.js';

const bodyOf = (ctx: AppContext): Record<string, unknown> => (ctx.request.body ?? {}) as Record<string, unknown>;
/** Open before the enrolment the policy requires (but after the first-login password change). */
const ENROLMENT = { session: true, pendingTwoFactorEnrolment: true } as const;

/**
 * Two-factor login of the logged-in account (`/api/auth/two-factor`: status, setup, confirm, new
 * recovery codes, disable) and an administrator's reset of another account's second factor.
 */
export function twoFactorRoutes(services: Services): SecureRouter {
  const routes = new SecureRouter(services, '/api');
  const { twoFactor, accounts } = services;

  routes.get('/auth/two-factor', ENROLMENT, async (ctx) => {
    const { account, actor } = principalOf(ctx as AppContext);
    ctx.body = await twoFactor.status(account, actor) satisfies TwoFactorStatus;
  });

  routes.post('/auth/two-factor/setup', ENROLMENT, async (ctx) => {
    ctx.body = await twoFactor.setup(principalOf(ctx as AppContext).account) satisfies TwoFactorSetup;
  });

  routes.post('/auth/two-factor/confirm', ENROLMENT, async (ctx) => {
    const { account, actor } = principalOf(ctx as AppContext);
    ctx.body = await twoFactor.confirm(account, actor, bodyOf(ctx as AppContext));
  });

  routes.post('/auth/two-factor/recovery-codes', { session: true }, async (ctx) => {
    const { account, actor } = principalOf(ctx as AppContext);
    ctx.body = await twoFactor.regenerateCodes(account, actor, bodyOf(ctx as AppContext));
  });

  routes.post('/auth/two-factor/disable', { session: true }, async (ctx) => {
    const { account, actor } = principalOf(ctx as AppContext);
    await twoFactor.disable(account, actor, bodyOf(ctx as AppContext));
    ctx.body = { ok: true };
  });

  // Like a password reset: by those who may reset the account's password (the bureau above, the main account, the system administrator).
  routes.post('/accounts/:id/two-factor/reset', { permission: 'system.account.resetPassword' }, async (ctx) => {
    const { actor } = principalOf(ctx as AppContext);
    await twoFactor.reset(actor, await accounts.administrable(actor, ctx.params.id!));
    ctx.body = { ok: true };
  });
  return routes;
}
