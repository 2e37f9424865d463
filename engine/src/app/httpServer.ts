import { createServer, type RequestListener, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { HttpConfig } from '../config/index.js';
import { BASE_SECURITY_HEADERS } from '../http/middleware/securityHeaders.js';

/** What the server answers itself, before (or instead of) the app: zh-CN, in the API's error shape. */
const REFUSALS: Record<string, { status: number; reason: string; code: string; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', code: 'REQUEST_TIMEOUT',
    message: '请求发送超时：请求头或请求内容未在规定时间内传完。请检查网络后重试；上传大文件时请在网络稳定时进行。' },
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'Request Header Fields Too Large', code: 'HEADERS_TOO_LARGE',
    message: '请求头过大（网址或 Cookie 过长）：请缩短网址，或清除本站 Cookie 后重新登录。' },
};
const BAD_REQUEST = { status: 400, reason: 'Bad Request', code: 'BAD_REQUEST', message: '请求格式不正确，无法处理。请刷新页面后重试。' };

/** The raw HTTP/1.1 response for a client error, closing the connection. */
export function refusalResponse(code: string | undefined): string {
  const refusal = REFUSALS[code ?? ''] ?? BAD_REQUEST;
  const body = JSON.stringify({ errors: [{ code: refusal.code, message: refusal.message }] });
  const headers = { ...BASE_SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store',
    'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${refusal.status} ${refusal.reason}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Like node's default: answer only if nothing of a response went out on this connection yet. */
function onClientError(error: Error & { code?: string }, socket: Duplex): void {
  const response = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code !== 'ECONNRESET' && socket.writable && !response?.headersSent) socket.write(refusalResponse(error.code));
  socket.destroy(error);
}

/**
 * The engine's HTTP server with the limits of HTTP_* settings: headers within HTTP_HEADERS_TIMEOUT_MS
 * (slowloris), the whole request within HTTP_REQUEST_TIMEOUT_MS, request line plus headers within
 * HTTP_MAX_HEADER_BYTES; the refusals (408, 431, 400) in zh-CN with the security headers.
 */
export function createHttpServer(listener: RequestListener, http: HttpConfig): Server {
  const shortest = Math.min(http.headersTimeoutMs, http.requestTimeoutMs);
  const server = createServer({
    headersTimeout: http.headersTimeoutMs,
    requestTimeout: http.requestTimeoutMs,
    maxHeaderSize: http.maxHeaderBytes,
    // Node checks the timeouts at this interval (30 s by default): a fraction of the shortest one.
    connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(shortest / 4))),
  }, listener);
  server.keepAliveTimeout = http.keepAliveTimeoutMs;
  server.on('clientError', onClientError);
  return server;
}
