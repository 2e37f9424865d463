import type { Middleware } from 'koa';
import { AppError } from '../../errors/index.js';
import { loggableError, type Logger } from '../../log/index.js';
import type { AppState } from '../context.js';

interface HttpError { status?: number; expose?: boolean; type?: string; message?: string }

/** Errors thrown by koa's own parsers (malformed JSON, oversized body) carry a status. */
function parserError(error: HttpError): { status: number; code: string; message: string } | undefined {
  if (error.status === 413 || error.type === 'entity.too.large') return { status: 413, code: 'TOO_LARGE', message: '提交的内容过大，请减少内容后重试。' };
  if (error.status === 415) return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '请以 JSON 格式提交（Content-Type: application/json）。' };
  if (error.status && error.status >= 400 && error.status < 500) return { status: error.status, code: 'BAD_REQUEST', message: '请求格式不正确：请求体应为有效的 JSON。' };
  return undefined;
}

/** The one place errors become the API's `{errors:[…]}` body; internals are logged, never sent. */
export function errorMiddleware(logger: Logger): Middleware<AppState> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (error instanceof AppError) {
        ctx.status = error.status;
        ctx.body = { errors: error.items, ...error.extra };
        return;
      }
      const known = parserError(error as HttpError);
      if (known) {
        ctx.status = known.status;
        ctx.body = { errors: [{ code: known.code, message: known.message }] };
        return;
      }
      logger.error({ requestId: ctx.state.requestId, err: loggableError(error) }, 'unexpected error');
      ctx.status = 500;
      ctx.body = { errors: [{ code: 'INTERNAL', message: `系统内部错误，请稍后重试。如问题持续，请把错误编号 ${ctx.state.requestId} 告知系统管理员。` }],
        requestId: ctx.state.requestId };
    }
  };
}
