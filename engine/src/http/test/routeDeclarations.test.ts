import { describe, expect, it } from 'vitest';
import { routeGroups } from '../createHttpApp.js';
import { testDatabases, useTestEngine } from '../../testing/index.js';

/** Deny by default: every route of every router declares what it needs; a route without one fails here. */
describe.each(testDatabases().slice(0, 1))('route access declarations (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);

  it('finds a declared access for every method and path the routers serve', () => {
    const undeclared: string[] = [];
    let routes = 0;
    for (const group of routeGroups) {
      const { router, specs } = group(ctx.engine.engine);
      for (const layer of router.stack) {
        for (const method of layer.methods.filter((m) => m !== 'HEAD')) {
          routes += 1;
          const declared = specs.find((s) => s.method === method && s.path === layer.path);
          if (!declared?.access) undeclared.push(`${method} ${layer.path}`);
        }
      }
    }
    expect(routes).toBeGreaterThan(20);
    expect(undeclared).toEqual([]);
  });

  it('keeps the public surface to health, login and the phone\'s one-time location token', () => {
    const open = routeGroups.flatMap((group) => group(ctx.engine.engine).specs)
      .filter((s) => 'public' in s.access).map((s) => `${s.method} ${s.path}`);
    // /api/health/ready: no session, but only to PRIVATE_NETWORKS (healthRoutes.ts, ops/test/health.test.ts).
    expect(open.sort()).toEqual(['GET /api/health', 'GET /api/health/ready', 'GET /api/location-requests/:token/public', 'POST /api/auth/login',
      // The code step of a two-factor login: it needs the challenge cookie of a right password.
      'POST /api/auth/login/two-factor', 'POST /api/location-requests/:token/position']);
  });
});
