import { ApiError, toApiError } from './ApiError';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
export type QueryValue = string | number | boolean | undefined;

export interface HttpClientOptions {
  /** Prefix of every path, e.g. `''` (same origin) or `http://localhost:3100`. */
  baseUrl?: string;
  /** The browser's fetch by default; tests pass a fake. */
  fetch?: FetchLike;
  /** Told about every failed call (after it is turned into an ApiError), e.g. to end an expired session. */
  onError?: (error: ApiError, path: string) => void;
}

interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'X-CSRF-Token';

function queryString(query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * A small JSON-over-fetch client: same-origin cookies, the CSRF token on every state-changing
 * request, error bodies turned into typed `ApiError`s.
 */
export class HttpClient {
  private csrfToken: string | undefined;
  private readonly baseUrl: string;
  private readonly fetchImpl: FetchLike;
  private readonly onError: HttpClientOptions['onError'];

  constructor(options: HttpClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.onError = options.onError;
  }

  /** Remembers the token that login and `GET /api/auth/me` return (undefined after logout). */
  setCsrfToken(token: string | undefined): void {
    this.csrfToken = token;
  }

  /** The full address of a path (for links and images the browser loads itself). */
  urlOf(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  get<T>(path: string, query?: Record<string, QueryValue>): Promise<T> {
    return this.request<T>('GET', path, { query });
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, { body });
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, { body });
  }

  delete<T = void>(path: string): Promise<T> {
    return this.request<T>('DELETE', path, {});
  }

  async request<T>(method: string, path: string, options: RequestOptions): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}${queryString(options.query)}`, this.init(method, options));
    } catch {
      throw this.fail(new ApiError(0, []), path);
    }
    const body = await readBody(response);
    if (!response.ok) throw this.fail(toApiError(response.status, body), path);
    return body as T;
  }

  private init(method: string, options: RequestOptions): RequestInit {
    const headers: Record<string, string> = { Accept: 'application/json' };
    // A FormData body (a file upload) goes as multipart: the browser sets the type and boundary.
    const multipart = typeof FormData !== 'undefined' && options.body instanceof FormData;
    if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
    if (!SAFE_METHODS.has(method) && this.csrfToken) headers[CSRF_HEADER] = this.csrfToken;
    return {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : multipart ? options.body as FormData : JSON.stringify(options.body),
    };
  }

  private fail(error: ApiError, path: string): ApiError {
    this.onError?.(error, path);
    return error;
  }
}
