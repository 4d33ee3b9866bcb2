// Issue 13 (hardening), the centre's items: each test is named after its item.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCenter, type TestCenter } from './center-harness.js';

describe('issue 13 hardening: the service-center', () => {
  let c: TestCenter;
  beforeAll(async () => {
    c = await startTestCenter();
    await c.addStaff('clerk', 'clerk-password-1');
  });
  afterAll(async () => c.stop());

  it('item 2: a malformed cookie (x=%) does not break login or any staff route', async () => {
    const login = await fetch(`${c.url}/api/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'x=%; y=%E0%A4%A' },
      body: JSON.stringify({ name: 'clerk', password: 'clerk-password-1' }),
    });
    expect(login.status).toBe(200);
    const session = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const me = await fetch(`${c.url}/api/v1/staff/me`, { headers: { cookie: `x=%; ${session}; z=%zz` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { name: string }).name).toBe('clerk');
    expect((await fetch(`${c.url}/api/v1/staff/applications`, { headers: { cookie: 'x=%' } })).status).toBe(401);
    expect(c.logText()).not.toMatch(/URIError/);
  });
});
