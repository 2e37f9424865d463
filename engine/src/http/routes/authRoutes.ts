import type { SessionView } from '../../contract/index.js';
import { describePasswordRules } from '../../auth/index.js';
import { SESSION_COOKIE, type AppContext, type Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter } from '../routing/index.js';

type Body = Record<string, unknown>;
const bodyOf = (ctx: AppContext): Body => (ctx.request.body ?? {}) as Body;
const SESSION = { session: true, pendingPasswordChange: true } as const;

/** `/api/auth`: login (a new session id every time), logout, me, password change, the policy in words. */
export function authRoutes(services: Services): SecureRouter {
  const routes = new SecureRouter(services, '/api/auth');
  const { auth, config, passwords } = services;
  /** Secure when served over HTTPS (directly, or through a trusted proxy saying so), or when configured so. */
  const cookie = (ctx: AppContext) => {
    if (config.session.cookieSecure) ctx.cookies.secure = true;
    return { httpOnly: true, sameSite: 'lax' as const, path: '/', overwrite: true, secure: ctx.cookies.secure ?? ctx.secure };
  };

  routes.post('/login', { public: true }, async (ctx) => {
    const { username, password } = bodyOf(ctx as AppContext);
    const result = await auth.login(username, password, { ip: ctx.state.clientIp, userAgent: ctx.get('User-Agent'),
      requestId: ctx.state.requestId });
    // The session the browser had ends here: a new id at every login (no session fixation).
    await auth.logout(ctx.cookies.get(SESSION_COOKIE));
    ctx.cookies.set(SESSION_COOKIE, result.token, cookie(ctx as AppContext));
    ctx.body = { user: result.user, mustChangePassword: result.mustChangePassword, csrfToken: result.csrfToken } satisfies SessionView;
  });

  routes.post('/logout', SESSION, async (ctx) => {
    await auth.logout(ctx.cookies.get(SESSION_COOKIE));
    ctx.cookies.set(SESSION_COOKIE, '', { ...cookie(ctx as AppContext), maxAge: 0 });
    ctx.body = { ok: true };
  });

  routes.get('/me', SESSION, (ctx) => {
    const principal = principalOf(ctx as AppContext);
    ctx.body = { user: auth.userView(principal), mustChangePassword: principal.account.mustChangePassword,
      csrfToken: principal.session.csrfToken } satisfies SessionView;
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
