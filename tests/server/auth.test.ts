import { createHash } from 'node:crypto';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from '../../server/auth/login-throttle.ts';
import { DATABASE_FILE } from '../../server/store/sqlite-store.ts';
import {
  client,
  fakeClock,
  freshServer,
  PASSWORD,
  type Reply,
  signedInUser,
  startTestServer,
  type TestServer,
} from './helpers.ts';

const login = (server: TestServer, username: string, password: string, headers = {}) =>
  client(server.url).call('POST', '/api/auth/login', { username, password }, { headers });

const loginFrom = (
  server: TestServer,
  body: { username: string; password: string; deviceId?: string },
  headers: Record<string, string> = {},
) => client(server.url).call('POST', '/api/auth/login', body, { headers });

describe('sign-in', () => {
  it('gives a token once and keeps only its SHA-256', async () => {
    const server = await freshServer(onTestFinished);
    await createAccount(server.store, {
      username: 'aigul',
      displayName: 'Айгүл Токтосунова',
      role: 'consultant',
      password: PASSWORD,
      districtIds: ['district-nooken'],
    });

    const reply = await login(server, '  Aigul ', PASSWORD);

    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      user: {
        id: expect.any(String),
        username: 'aigul',
        displayName: 'Айгүл Токтосунова',
        role: 'consultant',
        districtIds: ['district-nooken'],
      },
    });
    const me = await client(server.url, reply.body.token).get('/api/me');
    expect(me.body).toEqual(reply.body.user);

    const db = new DatabaseSync(path.join(server.dataDir, DATABASE_FILE), { readOnly: true });
    const rows = db.prepare('SELECT * FROM tokens').all();
    db.close();
    const expected = createHash('sha256').update(reply.body.token).digest('hex');
    expect(rows).toMatchObject([{ token_hash: expected, revoked_at: null }]);
    expect(JSON.stringify(rows)).not.toContain(reply.body.token);
  });

  it('answers an unknown name, a wrong password and a disabled account alike', async () => {
    const server = await freshServer(onTestFinished);
    const { user } = await signedInUser(server, 'consultant');
    const disabled = await signedInUser(server, 'consultant');
    await server.store.setDisabled(disabled.user.id, true);

    const replies = [
      await login(server, 'nobody-here', PASSWORD),
      await login(server, user.username, 'wrong password'),
      await login(server, disabled.user.username, PASSWORD),
    ];

    for (const reply of replies) {
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({
        error: 'invalid_credentials',
        message: 'Wrong username or password',
      });
    }
  });

  it('validates the login body', async () => {
    const server = await freshServer(onTestFinished);
    const missing = await client(server.url).post('/api/auth/login', { username: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: 'invalid', path: ['password'] });
    const malformed = await client(server.url).call('POST', '/api/auth/login', undefined, {
      raw: '{nope',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toBe('invalid_json');
  });
});

describe('tokens', () => {
  it('refuses requests without a token, with a malformed or unknown one, as 401 JSON', async () => {
    const server = await freshServer(onTestFinished);
    const cases: Record<string, string>[] = [
      {},
      { authorization: 'Basic dXNlcjpwYXNz' },
      { authorization: 'Bearer short' },
      { authorization: `Bearer ${'A'.repeat(43)}` },
    ];
    for (const headers of cases) {
      for (const pathname of ['/api/me', '/api/sync/pull', '/api/admin/users']) {
        const response = await fetch(`${server.url}${pathname}`, { headers });
        expect(response.status, pathname).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
        expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(await response.json()).toMatchObject({ error: 'unauthorized' });
      }
    }
  });

  it('stops working after logout; other devices stay signed in', async () => {
    const server = await freshServer(onTestFinished);
    const phone = await signedInUser(server, 'consultant');
    const laptop = client(
      server.url,
      (await login(server, phone.user.username, PASSWORD)).body.token,
    );

    const logout = await phone.api.post('/api/auth/logout');

    expect(logout.status).toBe(204);
    expect((await phone.api.get('/api/me')).status).toBe(401);
    expect((await phone.api.post('/api/auth/logout')).status).toBe(401);
    expect((await laptop.get('/api/me')).status).toBe(200);
  });

  it("stops a disabled user's tokens, and a reset password's", async () => {
    const server = await freshServer(onTestFinished);
    const admin = await signedInUser(server, 'admin');
    const disabled = await signedInUser(server, 'consultant');
    const reset = await signedInUser(server, 'consultant');

    await admin.api.post(`/api/admin/users/${disabled.user.id}/disable`);
    await admin.api.post(`/api/admin/users/${reset.user.id}/password`, {
      password: 'a new secret',
    });

    // A disabled account's device is told why (it then wipes itself); others sign in again.
    const stopped = await disabled.api.get('/api/me');
    expect(stopped.status).toBe(403);
    expect(stopped.body.error).toBe('account_disabled');
    expect((await reset.api.get('/api/me')).status).toBe(401);
    expect((await login(server, reset.user.username, 'a new secret')).status).toBe(200);
    expect((await login(server, reset.user.username, PASSWORD)).status).toBe(401);
    // Enabling again does not bring old tokens back.
    await admin.api.post(`/api/admin/users/${disabled.user.id}/enable`);
    expect((await disabled.api.get('/api/me')).status).toBe(401);
    expect((await login(server, disabled.user.username, PASSWORD)).status).toBe(200);
  });
});

const limits = (overrides: Partial<LoginLimits> = {}): LoginLimits => ({
  ...DEFAULT_LOGIN_LIMITS,
  ...overrides,
});

const statuses = (replies: Reply[]) => {
  const counts: Record<number, number> = {};
  for (const reply of replies) counts[reply.status] = (counts[reply.status] ?? 0) + 1;
  return counts;
};

describe('login limits under concurrency', () => {
  it('checks at most the free attempts of a burst against one account', async () => {
    const clock = fakeClock();
    const server = await freshServer(onTestFinished, {
      now: clock.now,
      loginLimits: limits({ perAccount: 5, perAddress: 1000 }),
    });
    const { user } = await signedInUser(server, 'consultant');

    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, i) => login(server, user.username, `guess ${i}`)),
    );

    expect(statuses(burst)).toEqual({ 401: 5, 429: 45 });
    for (const reply of burst.filter((r) => r.status === 429)) {
      expect(reply.body).toMatchObject({ error: 'rate_limited' });
      expect(reply.headers.get('retry-after')).toBe('1');
    }
    // Even the right password waits its turn, then works.
    expect((await login(server, user.username, PASSWORD)).status).toBe(429);
    clock.advance(1_000);
    expect((await login(server, user.username, PASSWORD)).status).toBe(200);
  });

  it('checks at most the free attempts of a burst from one address, across accounts', async () => {
    const clock = fakeClock();
    const server = await freshServer(onTestFinished, {
      now: clock.now,
      loginLimits: limits({ perAccount: 1000, perAddress: 5 }),
    });

    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, i) => login(server, `stranger-${i}`, 'guess')),
    );

    expect(statuses(burst)).toEqual({ 401: 5, 429: 45 });
  });

  it('holds across two servers on one database', async () => {
    const clock = fakeClock();
    const loginLimits = limits({ perAccount: 5, perAddress: 1000 });
    const first = await freshServer(onTestFinished, { now: clock.now, loginLimits });
    const second = await startTestServer({
      dataDir: first.dataDir,
      now: clock.now,
      loginLimits,
      seed: false,
    });
    onTestFinished(() => second.close());
    const { user } = await signedInUser(first, 'consultant');

    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        login(i % 2 === 0 ? first : second, user.username, `guess ${i}`),
      ),
    );

    expect(statuses(burst)).toEqual({ 401: 5, 429: 45 });
  });
});

describe('login limits cannot lock a real user out', () => {
  it('lets a device the account signed in on before in while others guess', async () => {
    const clock = fakeClock();
    const server = await freshServer(onTestFinished, {
      now: clock.now,
      trustProxy: true,
      loginLimits: limits({ perAccount: 5, perAddress: 5, perDevice: 3 }),
    });
    const { user } = await signedInUser(server, 'consultant');
    const fromPhone = (password: string) =>
      loginFrom(server, { username: user.username, password, deviceId: 'phone-of-aida' });
    expect((await fromPhone(PASSWORD)).status).toBe(200);

    // Guessing from other addresses and devices, behind the same proxy or not.
    const attack = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        loginFrom(
          server,
          { username: user.username, password: `guess ${i}`, deviceId: `stolen-${i}` },
          { 'x-forwarded-for': `10.0.0.${i % 4}` },
        ),
      ),
    );
    expect(statuses(attack)).toEqual({ 401: 5, 429: 35 });
    expect((await login(server, user.username, PASSWORD)).status).toBe(429);

    const phone = await fromPhone(PASSWORD);
    expect(phone.status).toBe(200);
    expect((await client(server.url, phone.body.token).get('/api/me')).status).toBe(200);

    // The known device has its own allowance: its own mistakes still slow it down.
    for (let i = 0; i < 3; i += 1) expect((await fromPhone(`typo ${i}`)).status).toBe(401);
    expect((await fromPhone(PASSWORD)).status).toBe(429);
    clock.advance(1_000);
    expect((await fromPhone(PASSWORD)).status).toBe(200);
  });

  it('slows repeated failures down with a doubling wait, then lets the right password in', async () => {
    const clock = fakeClock();
    const server = await freshServer(onTestFinished, {
      now: clock.now,
      loginLimits: limits({ perAccount: 2, maxDelayMs: 4_000 }),
    });
    const { user } = await signedInUser(server, 'consultant');
    const waits: string[] = [];
    expect((await login(server, user.username, 'guess a')).status).toBe(401);
    expect((await login(server, user.username, 'guess b')).status).toBe(401);
    for (let round = 0; round < 4; round += 1) {
      const refused = await login(server, user.username, PASSWORD);
      expect(refused.status).toBe(429);
      const wait = refused.headers.get('retry-after') ?? '';
      waits.push(wait);
      clock.advance(Number(wait) * 1_000);
      expect((await login(server, user.username, `guess ${round}`)).status).toBe(401);
    }
    expect(waits).toEqual(['1', '2', '4', '4']);

    clock.advance(4_000);
    expect((await login(server, user.username, PASSWORD)).status).toBe(200);
    // A success starts the account's count afresh.
    expect((await login(server, user.username, 'guess again')).status).toBe(401);
  });

  it('forgets failures older than the window', async () => {
    const clock = fakeClock();
    const server = await freshServer(onTestFinished, {
      now: clock.now,
      loginLimits: limits({ perAccount: 2, windowMs: 60_000 }),
    });
    const { user } = await signedInUser(server, 'consultant');
    await login(server, user.username, 'guess a');
    await login(server, user.username, 'guess b');
    expect((await login(server, user.username, PASSWORD)).status).toBe(429);
    clock.advance(60_001);
    expect((await login(server, user.username, 'guess c')).status).toBe(401);
    expect((await login(server, user.username, PASSWORD)).status).toBe(200);
  });

  it('counts addresses from X-Forwarded-For only behind a trusted proxy', async () => {
    const clock = fakeClock();
    const loginLimits = limits({ perAccount: 50, perAddress: 2 });
    const direct = await freshServer(onTestFinished, { now: clock.now, loginLimits });
    const proxied = await freshServer(onTestFinished, {
      now: clock.now,
      loginLimits,
      trustProxy: true,
    });
    const run = async (server: TestServer) => {
      const result: number[] = [];
      for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
        const headers = { 'x-forwarded-for': `1.2.3.4, ${address}` };
        result.push((await login(server, 'nobody', 'guess', headers)).status);
      }
      return result;
    };
    expect(await run(direct)).toEqual([401, 401, 429]);
    expect(await run(proxied)).toEqual([401, 401, 401]);
  });

  it('warns once in the log about X-Forwarded-For when it does not trust a proxy', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    onTestFinished(() => warn.mockRestore());
    const direct = await freshServer(onTestFinished);
    const proxied = await freshServer(onTestFinished, { trustProxy: true });
    const headers = { 'x-forwarded-for': '10.0.0.1' };

    for (const server of [proxied, direct, direct]) {
      await fetch(`${server.url}/api/health`, { headers });
    }
    await fetch(`${direct.url}/api/health`);

    const lines = warn.mock.calls.map((call) => String(call[0]));
    expect(lines.filter((line) => line.includes('X-Forwarded-For'))).toEqual([
      expect.stringMatching(/SEDP_TRUST_PROXY is off/),
    ]);
  });
});

describe('token lifetime', () => {
  it('expires a token unused for the idle time; one in use stays valid', async () => {
    const clock = fakeClock();
    const day = 24 * 60 * 60 * 1000;
    const server = await freshServer(onTestFinished, { now: clock.now, tokenIdleMs: 10 * day });
    const idle = await signedInUser(server, 'consultant');
    const busy = await signedInUser(server, 'consultant');

    clock.advance(9 * day);
    expect((await busy.api.get('/api/me')).status).toBe(200);
    expect((await idle.api.get('/api/me')).status).toBe(200);
    clock.advance(9 * day);
    expect((await busy.api.get('/api/me')).status).toBe(200);
    clock.advance(10 * day + 1);

    for (const pathname of ['/api/me', '/api/sync/pull']) {
      const reply = await busy.api.get(pathname);
      expect(reply.status, pathname).toBe(401);
      expect(reply.body).toMatchObject({ error: 'token_expired' });
    }
    expect((await login(server, busy.user.username, PASSWORD)).status).toBe(200);
  });

  it('records use at most once an hour', async () => {
    const clock = fakeClock();
    const server = await freshServer(onTestFinished, { now: clock.now });
    const { api } = await signedInUser(server, 'consultant');
    const lastUsed = () =>
      (server.sqlite.prepare('SELECT last_used_at FROM tokens').get() as { last_used_at: string })
        .last_used_at;
    const signedIn = lastUsed();

    clock.advance(30 * 60_000);
    await api.get('/api/me');
    expect(lastUsed()).toBe(signedIn);
    clock.advance(31 * 60_000);
    await api.get('/api/me');
    expect(lastUsed()).toBe(clock.now().toISOString());
  });
});
