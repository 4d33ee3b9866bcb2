import type { AdminCompletion, AdminErrorBody } from '@kiosk/contract/admin-api';

/** A refused admin API call: HTTP status plus the agent's error code (`badPassword`, `invalidConfig`…). */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

export interface AdminApiHooks {
  /** The login ended (401): show the login form. */
  onLoggedOut(): void;
  /** A dangerous change needs the password again; resolves true once re-authenticated. */
  onReauthNeeded(): Promise<boolean>;
}

const csrfCookie = (): string | undefined => {
  const name = `kiosk_csrf_P${location.port || (location.protocol === 'https:' ? '443' : '80')}=`;
  return document.cookie
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(name))
    ?.slice(name.length);
};

/**
 * All calls of the admin page to the agent's admin API (same origin). Sends the CSRF token on
 * every change; marks reads the technician asked for (`X-User-Action`) so only they keep the login alive.
 */
export class AdminApi {
  hooks: AdminApiHooks = { onLoggedOut: () => undefined, onReauthNeeded: async () => false };

  get<T>(path: string, options: { userAction?: boolean; signal?: AbortSignal } = {}): Promise<T> {
    return this._send<T>('GET', path, undefined, options.userAction ?? false, options.signal);
  }

  post<T>(path: string, body: unknown = {}, signal?: AbortSignal): Promise<T> {
    return this._send<T>('POST', path, body, true, signal);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this._send<T>('PATCH', path, body, true);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this._send<T>('PUT', path, body, true);
  }

  /** Runs a device command through the agent's dispatcher (blocking HTTP mirror). */
  command<P = Record<string, unknown>>(service: string, command: string, payload: unknown = {}, timeoutMs?: number) {
    return this.post<AdminCompletion<P>>(
      `/services/${service}/commands/${command}`,
      timeoutMs === undefined ? { payload } : { payload, timeoutMs },
    );
  }

  url(path: string): string {
    return `/admin/api${path}`;
  }

  private async _send<T>(
    method: string,
    path: string,
    body: unknown,
    userAction: boolean,
    signal?: AbortSignal,
    retried = false,
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (userAction) headers['X-User-Action'] = '1';
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      const csrf = csrfCookie();
      if (csrf) headers['X-CSRF-Token'] = csrf;
    }
    let res: Response;
    try {
      res = await fetch(this.url(path), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
        signal,
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new AdminApiError(0, 'network', String(err), undefined);
    }
    const parsed = (await res.json().catch(() => undefined)) as Partial<AdminErrorBody> | undefined;
    if (res.ok) return parsed as T;
    const code = parsed?.error ?? `http${res.status}`;
    if (res.status === 401 && code === 'loginRequired') this.hooks.onLoggedOut();
    if (res.status === 403 && code === 'reauthRequired' && !retried && (await this.hooks.onReauthNeeded()))
      return this._send<T>(method, path, body, userAction, signal, true);
    const retryAfter = res.headers.get('Retry-After');
    throw new AdminApiError(
      res.status,
      code,
      parsed?.message ?? res.statusText,
      retryAfter ? { ...parsed, retryAfter: Number(retryAfter) } : parsed,
    );
  }
}
