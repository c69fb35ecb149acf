import { createHash } from 'node:crypto';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import { DATABASE_FILE } from '../../server/store/sqlite-store.ts';
import {
  client,
  fakeClock,
  freshServer,
  PASSWORD,
  signedInUser,
  type TestServer,
} from './helpers.ts';

const login = (server: TestServer, username: string, password: string, headers = {}) =>
  client(server.url).call('POST', '/api/auth/login', { username, password }, { headers });

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
    server.store.setDisabled(disabled.user.id, true);

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

describe('login rate limits', () => {
  it('refuses a username after 5 failures in 15 minutes, even with the right password', async () => {
    const clock = fakeClock();
    const server = await freshServer(onTestFinished, { now: clock.now });
    const { user } = await signedInUser(server, 'consultant');
    const other = await signedInUser(server, 'consultant');

    for (let i = 0; i < 5; i += 1) {
      expect((await login(server, user.username, `guess ${i}`)).status).toBe(401);
    }
    clock.advance(60_000);
    const blocked = await login(server, user.username.toUpperCase(), PASSWORD);

    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: 'rate_limited' });
    expect(blocked.headers.get('retry-after')).toBe(String(14 * 60));
    // Another account from the same address is not affected.
    expect((await login(server, other.user.username, PASSWORD)).status).toBe(200);

    clock.advance(14 * 60_000);
    expect((await login(server, user.username, PASSWORD)).status).toBe(200);
  });

  it('refuses an address after too many failures across usernames', async () => {
    const clock = fakeClock();
    const server = await freshServer(onTestFinished, {
      now: clock.now,
      loginLimits: {
        perUsername: { max: 5, windowMs: 15 * 60_000 },
        perAddress: { max: 4, windowMs: 15 * 60_000 },
      },
    });
    const { user } = await signedInUser(server, 'consultant');

    for (let i = 0; i < 4; i += 1) {
      expect((await login(server, `stranger-${i}`, 'guess')).status).toBe(401);
    }
    const blocked = await login(server, user.username, PASSWORD);

    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBe(15 * 60);
  });

  it('counts addresses from X-Forwarded-For only behind a trusted proxy', async () => {
    const limits = {
      perUsername: { max: 50, windowMs: 60_000 },
      perAddress: { max: 2, windowMs: 60_000 },
    };
    const direct = await freshServer(onTestFinished, { loginLimits: limits });
    const proxied = await freshServer(onTestFinished, { loginLimits: limits, trustProxy: true });
    const statuses = async (server: TestServer) => {
      const result: number[] = [];
      for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
        const headers = { 'x-forwarded-for': `1.2.3.4, ${address}` };
        result.push((await login(server, 'nobody', 'guess', headers)).status);
      }
      return result;
    };
    expect(await statuses(direct)).toEqual([401, 401, 429]);
    expect(await statuses(proxied)).toEqual([401, 401, 401]);
  });
});
