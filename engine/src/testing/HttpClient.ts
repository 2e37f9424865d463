/** A test client over real HTTP: keeps the session cookie and sends the CSRF token like a browser app. */
export interface HttpResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class HttpClient {
  private cookie?: string;
  csrfToken?: string;
  /** Headers sent with every request (e.g. the X-Forwarded-For a proxy would add). */
  defaultHeaders: Record<string, string> = {};

  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResponse<T>> {
    const init: RequestInit = { method, headers: { ...this.defaultHeaders, ...headers }, redirect: 'manual' };
    const h = init.headers as Record<string, string>;
    if (this.cookie) h.Cookie = this.cookie;
    if (this.csrfToken && !('X-CSRF-Token' in headers)) h['X-CSRF-Token'] = this.csrfToken;
    if (body !== undefined) {
      h['Content-Type'] = 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    return this.read<T>(await fetch(`${this.baseUrl}${path}`, init));
  }

  /** Posts one file as multipart/form-data in the field `file`, as a browser form would. */
  async upload<T = any>(path: string, filename: string, bytes: Uint8Array, type = 'application/octet-stream'): Promise<HttpResponse<T>> {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), filename);
    return this.postForm<T>(path, form);
  }

  /** Posts a multipart/form-data body (several files, text fields) as a browser would. */
  async postForm<T = any>(path: string, form: FormData): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { ...this.defaultHeaders };
    if (this.cookie) headers.Cookie = this.cookie;
    if (this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    return this.read<T>(await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers, body: form, redirect: 'manual' }));
  }

  /** A GET whose body is bytes (a download such as an .xlsx); JSON error bodies are parsed. */
  async download(path: string): Promise<HttpResponse<any> & { bytes: Buffer }> {
    const headers: Record<string, string> = { ...this.defaultHeaders };
    if (this.cookie) headers.Cookie = this.cookie;
    const response = await fetch(`${this.baseUrl}${path}`, { headers, redirect: 'manual' });
    const bytes = Buffer.from(await response.arrayBuffer());
    const json = (response.headers.get('content-type') ?? '').includes('json');
    return { status: response.status, headers: response.headers, bytes, body: json ? JSON.parse(bytes.toString('utf8')) : undefined };
  }

  /** Keeps the session cookie a response sets; JSON bodies parsed, others as text. */
  private async read<T>(response: Response): Promise<HttpResponse<T>> {
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair && !pair.endsWith('=') ? pair : undefined;
    }
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, headers: response.headers, body: (type.includes('json') && text ? JSON.parse(text) : text) as T };
  }

  /** The Cookie header this client sends (for load tools that replay it). */
  cookieHeader(): string {
    return this.cookie ?? '';
  }

  /** A second client holding the same session cookie (e.g. a stolen or duplicated one). */
  sharingSession(): HttpClient {
    const copy = new HttpClient(this.baseUrl);
    copy.cookie = this.cookie;
    copy.csrfToken = this.csrfToken;
    return copy;
  }

  get<T = any>(path: string) { return this.request<T>('GET', path); }
  post<T = any>(path: string, body?: unknown) { return this.request<T>('POST', path, body ?? {}); }
  put<T = any>(path: string, body?: unknown) { return this.request<T>('PUT', path, body ?? {}); }
  delete<T = any>(path: string) { return this.request<T>('DELETE', path); }

  async login(username: string, password: string): Promise<HttpResponse> {
    const response = await this.post('/api/auth/login', { username, password });
    this.csrfToken = response.body?.csrfToken;
    return response;
  }

  /** A client on another engine (`baseUrl`) carrying this client's session cookie and CSRF token. */
  sameSessionOn(baseUrl: string): HttpClient {
    const other = new HttpClient(baseUrl);
    other.cookie = this.cookie;
    other.csrfToken = this.csrfToken;
    other.defaultHeaders = { ...this.defaultHeaders };
    return other;
  }

  /** Logs in with the default password and makes the required first password change. */
  async firstLogin(username: string, newPassword = 'Hosp#2024!x'): Promise<void> {
    const login = await this.login(username, 'Zjrj@-2007');
    if (login.status !== 200) throw new Error(`login ${username} failed: ${login.status} ${JSON.stringify(login.body)}`);
    const change = await this.post('/api/auth/password', { oldPassword: 'Zjrj@-2007', newPassword, confirmPassword: newPassword });
    if (change.status !== 200) throw new Error(`password change failed: ${JSON.stringify(change.body)}`);
  }
}
