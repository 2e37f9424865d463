import Router from '@koa/router';
import type { Middleware } from 'koa';
import type { MenuAction } from '../../definitions/index.js';
import { ForbiddenError } from '../../errors/index.js';
import type { AppContext, AppState, Services } from '../context.js';
import { guard, principalOf } from '../middleware/guards.js';

/**
 * What a route needs, declared with the route itself (deny by default: there is no way to add a
 * route without one, and a test walks every router to prove it).
 * - `public`: no session (login, health);
 * - `session`: any logged-in user; `pendingPasswordChange` also before the first password change;
 *   `pendingTwoFactorEnrolment` also before a second factor the policy requires is enrolled;
 * - `permission`: a permission key of the menu definition;
 * - `entity`: the permission the menu grants for the `:entity` of the path and this action.
 * Business routes also need an approved real-name verification unless `realName: false`.
 */
export type Access =
  | { public: true }
  | { session: true; pendingPasswordChange?: boolean; pendingTwoFactorEnrolment?: boolean; realName?: boolean }
  | { permission: string; realName?: boolean }
  | { entity: 'read' | MenuAction['key'] };

export interface RouteSpec { method: string; path: string; access: Access }

type Method = 'get' | 'post' | 'put' | 'delete';

function accessMiddleware(access: Access, services: Services): Middleware<AppState>[] {
  if ('public' in access) return [];
  if ('session' in access) {
    return [guard(services, { allowPendingPasswordChange: access.pendingPasswordChange ?? false,
      allowPendingTwoFactorEnrolment: access.pendingTwoFactorEnrolment ?? false, requireRealName: access.realName ?? false })];
  }
  const check: Middleware<AppState> = async (ctx, next) => {
    const { actor } = principalOf(ctx as AppContext);
    const entity = ctx.params.entity ?? '';
    const allowed = 'permission' in access ? actor.permissions.has(access.permission)
      : access.entity === 'read' ? services.access.canRead(actor, entity) : services.access.can(actor, entity, access.entity);
    // An unknown entity is the service's 404, not a missing permission.
    const unknownEntity = 'entity' in access && !services.registry.entity(entity);
    if (!allowed && !unknownEntity) throw new ForbiddenError('您没有执行此操作的权限，请联系本单位总账号分配权限。');
    await next();
  };
  const realName = 'permission' in access ? access.realName ?? true : true;
  return [guard(services, { requireRealName: realName }), check];
}

/** A @koa/router whose every route declares its access. */
export class SecureRouter {
  readonly router: Router<AppState>;
  readonly specs: RouteSpec[] = [];

  constructor(private readonly services: Services, prefix = '') {
    this.router = new Router<AppState>(prefix ? { prefix } : {});
  }

  private add(method: Method, path: string, access: Access, handler: Middleware<AppState>): this {
    this.specs.push({ method: method.toUpperCase(), path: `${this.router.opts.prefix ?? ''}${path}`, access });
    this.router[method](path, ...accessMiddleware(access, this.services), handler);
    return this;
  }

  get(path: string, access: Access, handler: Middleware<AppState>) { return this.add('get', path, access, handler); }
  post(path: string, access: Access, handler: Middleware<AppState>) { return this.add('post', path, access, handler); }
  put(path: string, access: Access, handler: Middleware<AppState>) { return this.add('put', path, access, handler); }
  delete(path: string, access: Access, handler: Middleware<AppState>) { return this.add('delete', path, access, handler); }
}
