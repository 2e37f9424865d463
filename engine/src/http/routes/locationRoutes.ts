import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter } from '../routing/index.js';

/**
 * `/api/location-requests`: 手机定位 of 机构信息. The desktop creates and polls (session, 机构信息
 * update permission); the phone describes and reports with the token alone (public: the token is
 * a one-time, ten-minute credential).
 */
export function locationRoutes(services: Services): SecureRouter {
  const { locations } = services;
  const routes = new SecureRouter(services, '/api');
  routes.post('/location-requests', { permission: 'org.info.update' }, async (ctx) => {
    ctx.status = 201;
    ctx.body = await locations.create(principalOf(ctx as AppContext).actor, `${ctx.protocol}://${ctx.host}`);
  });
  routes.get('/location-requests/:token', { permission: 'org.info.update' }, async (ctx) => {
    ctx.body = await locations.status(principalOf(ctx as AppContext).actor, ctx.params.token!);
  });
  routes.get('/location-requests/:token/public', { public: true }, async (ctx) => {
    ctx.body = await locations.describe(ctx.params.token!);
  });
  routes.post('/location-requests/:token/position', { public: true }, async (ctx) => {
    ctx.body = await locations.report(ctx.params.token!, ctx.request.body);
  });
  return routes;
}
