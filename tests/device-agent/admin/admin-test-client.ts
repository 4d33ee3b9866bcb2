import { AdminModule, type AdminModuleOptions } from '../../../device-agent/src/admin/admin-module.js';
import type { ModuleFactory } from '../../../device-agent/src/core/module.js';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../../helpers/agent-harness.js';

/** Low scrypt cost for tests: the parameters travel in the stored hash. */
export const TEST_SCRYPT = { ln: 10, r: 8, p: 1 };
export const PASSWORD = 'correct horse battery';

/** A movable clock for expiry and rate-limit tests. */
export class TestClock {
  t = Date.parse('2026-11-29T08:00:00Z');
  now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface AdminTestAgent extends TestAgent {
  clock: TestClock;
  admin: () => AdminModule;
}

export async function startAdminAgent(
  config: unknown = DEMO_CONFIG,
  options: AdminModuleOptions = {},
  extra: { modules?: ModuleFactory[] } = {},
): Promise<AdminTestAgent> {
  const clock = new TestClock();
  let module: AdminModule | undefined;
  const factory: ModuleFactory = (ctx) =>
    (module = new AdminModule(ctx, { scrypt: TEST_SCRYPT, now: clock.now, restart: () => {}, ...options }));
  const agent = await startTestAgent(config, { modules: [...(extra.modules ?? []), factory] });
  return { ...agent, clock, admin: () => module! };
}

/** The token as the technician reads it from the log. */
export function setupTokenFromLog(agent: TestAgent): string {
  const matches = [...agent.logText().matchAll(/admin setup token: ([0-9A-F]{4}(?:-[0-9A-F]{4}){7})/g)];
  const token = matches.at(-1)?.[1];
  if (!token) throw new Error('no setup token in the log');
  return token;
}

/** A browser-like client of the admin listener: keeps cookies, sends Origin and the CSRF header. */
export class AdminClient {
  cookies = new Map<string, string>();
  lastSetCookie: string[] = [];

  constructor(
    readonly base: string,
    readonly origin = base,
  ) {}

  get port(): string {
    return new URL(this.base).port;
  }

  get csrf(): string | undefined {
    return this.cookies.get(`kiosk_csrf_P${this.port}`);
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: string | null; origin?: string | null; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: unknown; headers: Headers }> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (this.cookies.size) headers['Cookie'] = this.cookieHeader();
    const origin = options.origin === undefined ? this.origin : options.origin;
    if (origin !== null && method !== 'GET') headers['Origin'] = origin;
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    if (csrf && method !== 'GET') headers['X-CSRF-Token'] = csrf;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    this.lastSetCookie = res.headers.getSetCookie();
    for (const line of this.lastSetCookie) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/Max-Age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (SVG preview)
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, undefined, { headers });
  post = (path: string, body: unknown = {}, options?: Parameters<AdminClient['request']>[3]) =>
    this.request('POST', path, body, options);

  async setup(token: string, password = PASSWORD): Promise<void> {
    const res = await this.post('/admin/api/setup', { setupToken: token, password });
    if (res.status !== 200) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async login(password = PASSWORD): Promise<number> {
    return (await this.post('/admin/api/login', { password })).status;
  }
}

/** Starts an agent and completes setup: the usual start of a test that needs a login. */
export async function loggedInAgent(
  config: unknown = DEMO_CONFIG,
  options: AdminModuleOptions = {},
  extra: { modules?: ModuleFactory[] } = {},
) {
  const agent = await startAdminAgent(config, options, extra);
  const client = new AdminClient(agent.adminBase);
  await client.setup(setupTokenFromLog(agent));
  return { agent, client };
}
