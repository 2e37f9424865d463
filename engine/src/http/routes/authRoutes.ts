import Router from '@koa/router';
import type { SessionView } from '../../contract/index.js';
import { SESSION_COOKIE, type AppContext, type AppState, type Services } from '../context.js';
import { guard, principalOf } from '../middleware/guards.js';

type Body = Record<string, unknown>;
const bodyOf = (ctx: AppContext): Body => (ctx.request.body ?? {}) as Body;

/** `/api/auth`: login (a new session id every time), logout, me, password change. */
export function authRoutes(services: Services): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/auth' });
  const { auth, config } = services;
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: config.session.cookieSecure, path: '/', overwrite: true };

  router.post('/login', async (ctx) => {
    const { username, password } = bodyOf(ctx as AppContext);
    const result = await auth.login(username, password, { ip: ctx.ip, userAgent: ctx.get('User-Agent'), requestId: ctx.state.requestId });
    // The session the browser had ends here: a new id at every login (no session fixation).
    await auth.logout(ctx.cookies.get(SESSION_COOKIE));
    ctx.cookies.set(SESSION_COOKIE, result.token, cookieOptions);
    ctx.body = { user: result.user, mustChangePassword: result.mustChangePassword, csrfToken: result.csrfToken } satisfies SessionView;
  });

  router.post('/logout', guard({ allowPendingPasswordChange: true }), async (ctx) => {
    await auth.logout(ctx.cookies.get(SESSION_COOKIE));
    ctx.cookies.set(SESSION_COOKIE, '', { ...cookieOptions, maxAge: 0 });
    ctx.body = { ok: true };
  });

  router.get('/me', guard({ allowPendingPasswordChange: true }), async (ctx) => {
    const principal = principalOf(ctx as AppContext);
    ctx.body = { user: auth.userView(principal), mustChangePassword: principal.account.mustChangePassword,
      csrfToken: principal.session.csrfToken } satisfies SessionView;
  });

  router.post('/password', guard({ allowPendingPasswordChange: true }), async (ctx) => {
    await auth.changePassword(principalOf(ctx as AppContext), bodyOf(ctx as AppContext));
    ctx.body = { ok: true };
  });

  return router;
}
