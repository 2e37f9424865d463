import fs from 'node:fs';
import path from 'node:path';
import type { Middleware } from 'koa';
import koaStatic from 'koa-static';

const noop = async () => {};

/**
 * Serves a built single-page app under `prefix`: files as they are, any other GET path that is not
 * an API call gets the app's index.html (client-side routing). A missing build says how to make it.
 */
export function singlePageApp(prefix: string, dir: string | undefined): Middleware {
  const built = dir !== undefined && fs.existsSync(path.join(dir, 'index.html'));
  const serve = built ? koaStatic(dir, { index: 'index.html', maxage: 0 }) : undefined;
  return async (ctx, next) => {
    const inside = ctx.path === prefix.replace(/\/$/, '') || ctx.path.startsWith(prefix);
    if (!inside || ctx.path.startsWith('/api/') || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    if (!serve) {
      ctx.status = 503;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = '页面尚未构建：请运行 npm run build:ui（npm start 会自动构建）。';
      return;
    }
    const original = ctx.path;
    ctx.path = `/${original.slice(prefix.length)}`;
    await serve(ctx, noop);
    if (ctx.body == null && !path.extname(ctx.path)) {
      ctx.path = '/index.html';
      await serve(ctx, noop);
    }
    ctx.path = original;
    if (ctx.body == null) await next();
  };
}
