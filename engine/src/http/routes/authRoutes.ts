import type { SessionView, TwoFactorChallengeView } from '../../contract/index.js';
import { describePasswordRules, type LoginResult } from '../../auth/index.js';
import { SESSION_COOKIE, type AppContext, type Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter } from '../routing/index.js';

type Body = Record<string, unknown>;
const bodyOf = (ctx: AppContext): Body => (ctx.request.body ?? {}) as Body;
const SESSION = { session: true, pendingPasswordChange: true, pendingTwoFactorEnrolment: true } as const;

/**
 * `/api/auth`: login (a new session id every time; with two-factor login, the password step's cookie
 * holds only a challenge, and `/login/two-factor` opens the session), logout, me, password change,
 * the policy in words.
 */
export function authRoutes(services: Services): SecureRouter {
  const routes = new SecureRouter(services, '/api/auth');
  const { auth, config, passwords } = services;
  /** Secure when served over HTTPS (directly, or through a trusted proxy saying so), or when configured so. */
  const cookie = (ctx: AppContext) => {
    if (config.session.cookieSecure) ctx.cookies.secure = true;
    return { httpOnly: true, sameSite: 'lax' as const, path: '/', overwrite: true, secure: ctx.cookies.secure ?? ctx.secure };
  };

  const meta = (ctx: AppContext) => ({ ip: ctx.state.clientIp, userAgent: ctx.get('User-Agent'), requestId: ctx.state.requestId });
  const answer = async (ctx: AppContext, result: LoginResult) => {
    // The session the browser had ends here: a new id at every login (no session fixation).
    await auth.logout(ctx.cookies.get(SESSION_COOKIE));
    if (result.twoFactorRequired) {
      // The cookie holds the challenge, which is no session: nothing but the code step accepts it.
      ctx.cookies.set(SESSION_COOKIE, result.challengeToken, cookie(ctx));
      ctx.body = { twoFactorRequired: true } satisfies TwoFactorChallengeView;
      return;
    }
    ctx.cookies.set(SESSION_COOKIE, result.token, cookie(ctx));
    ctx.body = { user: result.user, mustChangePassword: result.mustChangePassword, csrfToken: result.csrfToken,
      twoFactor: result.twoFactor } satisfies SessionView;
  };

  routes.post('/login', { public: true }, async (ctx) => {
    const { username, password } = bodyOf(ctx as AppContext);
    await answer(ctx as AppContext, await auth.login(username, password, meta(ctx as AppContext)));
  });

  routes.post('/login/two-factor', { public: true }, async (ctx) => {
    const token = ctx.cookies.get(SESSION_COOKIE);
    await answer(ctx as AppContext, await auth.completeTwoFactor(token, bodyOf(ctx as AppContext).code, meta(ctx as AppContext)));
  });

  routes.post('/logout', SESSION, async (ctx) => {
    await auth.logout(ctx.cookies.get(SESSION_COOKIE));
    ctx.cookies.set(SESSION_COOKIE, '', { ...cookie(ctx as AppContext), maxAge: 0 });
    ctx.body = { ok: true };
  });

  routes.get('/me', SESSION, (ctx) => {
    const principal = principalOf(ctx as AppContext);
    ctx.body = { user: auth.userView(principal), mustChangePassword: principal.account.mustChangePassword,
      csrfToken: principal.session.csrfToken, twoFactor: auth.twoFactorOf(principal) } satisfies SessionView;
  });

  routes.post('/password', SESSION, async (ctx) => {
    const { account, session, actor } = principalOf(ctx as AppContext);
    await passwords.change(account, session.id, actor, bodyOf(ctx as AppContext));
    ctx.body = { ok: true };
  });

  routes.get('/password-policy', SESSION, (ctx) => {
    const policy = services.passwords.policy();
    ctx.body = { key: policy.key, title: policy.title, rules: describePasswordRules(policy.password),
      lockout: policy.lockout };
  });
  return routes;
}
