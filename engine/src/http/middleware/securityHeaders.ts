import type { Context, Middleware } from 'koa';
import type { NetworkPolicy } from '../../access/index.js';

/**
 * What the web apps need and nothing more: scripts, styles (antd and bpmn-js set inline styles),
 * fonts and connections from the engine itself; images also as data:/blob: URLs (previews);
 * no plug-ins, no framing by any site (clickjacking), forms only to this origin, no <base> at all (ASVS 3.4.3).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "img-src 'self' data: blob:", "style-src 'self' 'unsafe-inline'", "object-src 'none'",
  "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'",
].join('; ');

/** Headers every response carries, including those the HTTP server writes itself (408, 431). */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // Geolocation stays allowed for this origin: the mobile location page (runtime-ui/src/app/location) reads the position.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(self), payment=(), usb=()',
};

export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * HTTPS as the browser sees it: TLS on this socket, or `X-Forwarded-Proto: https` set by one of
 * TRUSTED_PROXIES (the header from anyone else is ignored, unlike koa's `ctx.secure`).
 */
function overHttps(ctx: Context, network: NetworkPolicy): boolean {
  if ((ctx.req.socket as { encrypted?: boolean }).encrypted) return true;
  if (!network.isTrustedProxy(ctx.req.socket.remoteAddress)) return false;
  return (ctx.get('X-Forwarded-Proto').split(',')[0] ?? '').trim().toLowerCase() === 'https';
}

/**
 * Browser security headers on every response: API, web apps, downloads and errors. They are set
 * before the rest runs (a handler may still override one, e.g. a download's Cache-Control), and
 * handed to koa's own error response too, which otherwise drops every header set so far.
 */
export function securityHeaders(network: NetworkPolicy): Middleware {
  return async (ctx, next) => {
    const headers: Record<string, string> = { ...BASE_SECURITY_HEADERS };
    if (overHttps(ctx, network)) headers['Strict-Transport-Security'] = STRICT_TRANSPORT_SECURITY;
    if (ctx.path.startsWith('/api/')) headers['Cache-Control'] = 'no-store';
    ctx.set(headers);
    try {
      await next();
    } catch (error) {
      if (error && typeof error === 'object') {
        const withHeaders = error as { headers?: Record<string, string> };
        withHeaders.headers = { ...headers, ...withHeaders.headers };
      }
      throw error;
    }
  };
}
