import type { ThrottleConfig, ThrottleLimit } from '../config/index.js';

/** A group of endpoints counted together, with its limits and what the refused user reads. */
export interface ThrottleRule {
  name: string;
  /** Method and path as the routes declare them (@koa/router syntax); a test checks each exists. */
  routes: ReadonlyArray<readonly [method: string, path: string]>;
  limit(config: ThrottleConfig): ThrottleLimit;
  /** The zh-CN message of the 429, given the wait (e.g. "3 分钟"). */
  message(wait: string): string;
}

/**
 * Throttled endpoints (issue 9.4): logins per client address (a burst across many usernames; the
 * per-username lockout is auth/LoginThrottle), and the endpoints that build or read whole files.
 */
export const THROTTLE_RULES: readonly ThrottleRule[] = [
  {
    name: 'login',
    // The password step and the second factor's code (two-factor login) alike.
    routes: [['POST', '/api/auth/login'], ['POST', '/api/auth/login/two-factor']],
    limit: (config) => config.login,
    message: (wait) => `从您所在网络地址发起的登录尝试过于频繁，请 ${wait}后再试；如多人共用一个出口地址，请联系系统管理员调整登录频率限制。`,
  },
  {
    name: 'expensive',
    routes: [
      ['GET', '/api/exports/:entity'],
      ['GET', '/api/imports/:entity/template'],
      ['POST', '/api/imports/:entity'],
      ['GET', '/api/imports/jobs/:id/error-report'],
      ['GET', '/api/pre-registration/:year/accepted/export'],
      ['GET', '/api/designer/dictionaries/:key/export.xlsx'],
      ['POST', '/api/designer/dictionaries/:key/import'],
      ['POST', '/api/attachment-batches/:entity/files'],
      ['GET', '/api/real-name/pdf'],
    ],
    limit: (config) => config.expensive,
    message: (wait) => `导出、导入、模板下载和批量上传的操作过于频繁，请 ${wait}后再试。`,
  },
];
