import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import Koa from 'koa';
import { NotFoundError } from '../errors/index.js';
import { loggableError } from '../log/index.js';
import { trackRequests } from '../ops/index.js';
import { throttleRequests } from '../throttle/index.js';
import type { AppState, Services } from './context.js';
import { errorMiddleware } from './middleware/errors.js';
import { loadPrincipal, sameOrigin } from './middleware/guards.js';
import { requestLog } from './middleware/requestLog.js';
import { securityHeaders } from './middleware/securityHeaders.js';
import { singlePageApp } from './middleware/staticApps.js';
import { adminRoutes } from './routes/adminRoutes.js';
import { authRoutes } from './routes/authRoutes.js';
import { twoFactorRoutes } from './routes/twoFactorRoutes.js';
import { dataRoutes } from './routes/dataRoutes.js';
import { definitionAdminRoutes } from './routes/definitionAdminRoutes.js';
import { definitionRoutes } from './routes/definitionRoutes.js';
import { fileRoutes } from './routes/fileRoutes.js';
import { templateRoutes } from './routes/templateRoutes.js';
import { completenessRoutes } from './routes/completenessRoutes.js';
import { locationRoutes } from './routes/locationRoutes.js';
import { healthRoutes } from './routes/healthRoutes.js';
import { importRoutes } from './routes/importRoutes.js';
import { jobRoutes } from './routes/jobRoutes.js';
import { taskRoutes } from './routes/taskRoutes.js';
import { supplementaryRoutes } from './routes/supplementaryRoutes.js';
import { realNameRoutes } from './routes/realNameRoutes.js';
import { changeRequestRoutes } from './routes/changeRequestRoutes.js';
import { preRegistrationRoutes } from './routes/preRegistrationRoutes.js';
import { transferRoutes } from './routes/transferRoutes.js';
import { designerRoutes } from './routes/designerRoutes.js';
import { designerDictionaryRoutes } from './routes/designerDictionaryRoutes.js';

/** Every route of the API, by group; each group is a SecureRouter (routes declare their access). */
export const routeGroups = [healthRoutes, authRoutes, twoFactorRoutes, definitionRoutes, definitionAdminRoutes, dataRoutes, adminRoutes, fileRoutes,
  templateRoutes, completenessRoutes, locationRoutes, supplementaryRoutes, jobRoutes, importRoutes, taskRoutes, realNameRoutes, changeRequestRoutes,
  preRegistrationRoutes, transferRoutes, designerDictionaryRoutes, designerRoutes];

/** The HTTP surface: composed middleware around thin routes (koa style). */
export function createHttpApp(services: Services): Koa<AppState> {
  // `proxy` only makes koa read X-Forwarded-Proto/Host; the client address comes from NetworkPolicy.
  const app = new Koa<AppState>({ proxy: services.config.network.trustedProxies.length > 0 });
  app.silent = true;
  app.on('error', (error: Error & { code?: string }) => {
    // A client that goes away mid-response is not an engine error.
    if (error.code === 'ERR_STREAM_PREMATURE_CLOSE' || error.code === 'ECONNRESET' || error.code === 'EPIPE') return;
    services.logger.warn({ err: loggableError(error) }, 'response error');
  });
  app.use(requestLog(services));
  app.use(trackRequests(services.lifecycle));
  app.use(securityHeaders(services.network));
  app.use(errorMiddleware(services.logger));
  app.use(sameOrigin);
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: services.config.http.jsonLimitBytes, encoding: 'utf-8' }));
  app.use(loadPrincipal(services));
  app.use(throttleRequests(services.requestThrottle));
  for (const group of routeGroups) {
    const { router } = group(services);
    app.use(router.routes()).use(router.allowedMethods());
  }
  const apiFallback = new Router<AppState>();
  apiFallback.all('/api/{*rest}', () => { throw new NotFoundError('没有这个接口。'); });
  app.use(apiFallback.routes());
  app.use(singlePageApp('/designer/', services.config.staticDirs.designer));
  app.use(singlePageApp('/', services.config.staticDirs.runtimeUi));
  return app;
}
