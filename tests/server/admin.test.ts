import { describe, expect, it, onTestFinished } from 'vitest';
import { hashPassword } from '../../server/auth/password.ts';
import {
  client,
  freshServer,
  mutation,
  PASSWORD,
  push,
  signedInUser,
  territoryId,
  uuidv7,
} from './helpers.ts';

describe('admin API', () => {
  it('creates, lists and changes users', async () => {
    const server = await freshServer(onTestFinished);
    const admin = await signedInUser(server, 'admin');

    const created = await admin.api.post('/api/admin/users', {
      username: 'Nurlan',
      displayName: 'Нурлан Абдыкадыров',
      role: 'consultant',
      password: 'kochkor-2025',
      // Codes or ids, in any case, repeats dropped.
      districtIds: ['nooken', territoryId('aksy'), 'Nooken'],
    });
    expect(created.status).toBe(201);
    const user = created.body.user;
    expect(user).toEqual({
      id: expect.any(String),
      username: 'nurlan',
      displayName: 'Нурлан Абдыкадыров',
      role: 'consultant',
      districtIds: [territoryId('aksy'), territoryId('nooken')].sort(),
      disabled: false,
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(created.body)).not.toMatch(/password|scrypt/);

    const list = await admin.api.get('/api/admin/users');
    expect(list.body.users.map((u: { username: string }) => u.username)).toContain('nurlan');

    const districts = await admin.api.put(`/api/admin/users/${user.id}/districts`, {
      districtIds: ['toktogul'],
    });
    expect(districts.body.user.districtIds).toEqual([territoryId('toktogul')]);

    const signIn = await client(server.url).post('/api/auth/login', {
      username: 'nurlan',
      password: 'kochkor-2025',
    });
    expect(signIn.body.user.districtIds).toEqual([territoryId('toktogul')]);

    const disabled = await admin.api.post(`/api/admin/users/${user.id}/disable`);
    expect(disabled.body.user.disabled).toBe(true);
    // The disabled account's device is told why, not just to sign in again.
    const me = await client(server.url, signIn.body.token).get('/api/me');
    expect(me.status).toBe(403);
    expect(me.body.error).toBe('account_disabled');
    const stranger = await client(server.url, 'x'.repeat(43)).get('/api/me');
    expect(stranger.status).toBe(401);
  });

  it('refuses taken usernames, short passwords, unknown roles and unknown users', async () => {
    const server = await freshServer(onTestFinished);
    const admin = await signedInUser(server, 'admin');
    const base = { username: 'aisuluu', role: 'coordinator', password: PASSWORD };
    expect((await admin.api.post('/api/admin/users', base)).status).toBe(201);

    const taken = await admin.api.post('/api/admin/users', { ...base, username: 'AISULUU' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: 'username_taken', path: ['username'] });

    const short = await admin.api.post('/api/admin/users', {
      ...base,
      username: 'b2',
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body).toEqual({
      error: 'invalid',
      message: 'A password has at least 8 characters',
      path: ['password'],
    });

    const role = await admin.api.post('/api/admin/users', {
      ...base,
      username: 'b3',
      role: 'mayor',
    });
    expect(role.body).toMatchObject({ error: 'invalid', path: ['role'] });

    const name = await admin.api.post('/api/admin/users', { ...base, username: 'a b' });
    expect(name.body).toMatchObject({ error: 'invalid', path: ['username'] });

    const missing = await admin.api.post('/api/admin/users/no-such-id/disable');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('not_found');

    const self = await admin.api.post(`/api/admin/users/${admin.user.id}/disable`);
    expect(self.status).toBe(400);
    expect(self.body.error).toBe('cannot_disable_self');
  });

  it('refuses districts that are not known, naming them', async () => {
    const server = await freshServer(onTestFinished);
    const admin = await signedInUser(server, 'admin');
    const base = { username: 'aisuluu', role: 'consultant', password: PASSWORD };

    // `chui` is a region and the town `kerben` a municipality: neither is a district.
    const unknown = ['nooken', 'atlantis', 'chui', territoryId('kerben')];
    const created = await admin.api.post('/api/admin/users', { ...base, districtIds: unknown });
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject({ error: 'invalid', path: ['districtIds'] });
    expect(created.body.message).toBe(
      `Unknown districts: ${unknown.slice(1).sort().join(', ')} (give district codes or ids)`,
    );
    expect(await server.store.findUserByUsername('aisuluu')).toBeUndefined();

    const user = (await admin.api.post('/api/admin/users', { ...base, districtIds: ['aksy'] })).body
      .user;
    const changed = await admin.api.put(`/api/admin/users/${user.id}/districts`, {
      districtIds: ['atlantis'],
    });
    expect(changed.status).toBe(400);
    expect(changed.body).toMatchObject({ error: 'invalid', path: ['districtIds'] });
    expect((await server.store.findUser(user.id))?.districtIds).toEqual([territoryId('aksy')]);
  });

  it('takes the code of a district an admin added', async () => {
    const server = await freshServer(onTestFinished);
    const admin = await signedInUser(server, 'admin');
    const regionId = uuidv7();
    const id = uuidv7();
    const region = {
      kind: 'region',
      code: 'osh',
      names: { ru: 'Ошская область', ky: 'Ош облусу', en: 'Osh Region' },
    };
    const district = {
      kind: 'district',
      code: 'kara-kulja',
      names: { ru: 'Кара-Кульджинский район', ky: 'Кара-Күлжа району', en: 'Kara-Kulja District' },
      parentId: regionId,
    };
    const pushed = await push(admin.api, [
      await mutation({ type: 'territory', id: regionId, body: region }),
      await mutation({ type: 'territory', id, body: district }),
    ]);
    expect(pushed.body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
    ]);

    const created = await admin.api.post('/api/admin/users', {
      username: 'aibek',
      role: 'consultant',
      password: PASSWORD,
      districtIds: ['kara-kulja'],
    });
    expect(created.status).toBe(201);
    expect(created.body.user.districtIds).toEqual([id]);
    const notDistrict = await admin.api.put(`/api/admin/users/${created.body.user.id}/districts`, {
      districtIds: ['osh'],
    });
    expect(notDistrict.body).toMatchObject({ error: 'invalid', path: ['districtIds'] });
  });

  it('changes a role, signing the user out everywhere', async () => {
    const server = await freshServer(onTestFinished);
    const admin = await signedInUser(server, 'admin');
    const target = await signedInUser(server, 'consultant', [territoryId('aksy')]);
    expect((await target.api.get('/api/me')).body.role).toBe('consultant');

    const changed = await admin.api.put(`/api/admin/users/${target.user.id}/role`, {
      role: 'coordinator',
    });
    expect(changed.status).toBe(200);
    // Districts are kept: only consultants use them, so going back needs no new choice.
    expect(changed.body.user).toMatchObject({
      id: target.user.id,
      role: 'coordinator',
      districtIds: [territoryId('aksy')],
    });
    expect((await server.store.findUser(target.user.id))?.role).toBe('coordinator');

    const stale = await target.api.get('/api/me');
    expect(stale.status).toBe(401);
    const signIn = await client(server.url).post('/api/auth/login', {
      username: target.user.username,
      password: PASSWORD,
    });
    expect(signIn.body.user.role).toBe('coordinator');

    // Saving the role a user already has changes nothing and signs no one out.
    const fresh = client(server.url, signIn.body.token);
    const same = await admin.api.put(`/api/admin/users/${target.user.id}/role`, {
      role: 'coordinator',
    });
    expect(same.body.user.role).toBe('coordinator');
    expect((await fresh.get('/api/me')).status).toBe(200);
  });

  it('refuses a change of one’s own role, unknown roles and unknown users', async () => {
    const server = await freshServer(onTestFinished);
    const admin = await signedInUser(server, 'admin');
    const target = await signedInUser(server, 'coordinator');

    const self = await admin.api.put(`/api/admin/users/${admin.user.id}/role`, {
      role: 'consultant',
    });
    expect(self.status).toBe(400);
    expect(self.body.error).toBe('cannot_change_own_role');
    expect((await server.store.findUser(admin.user.id))?.role).toBe('admin');
    expect((await admin.api.get('/api/me')).status).toBe(200);

    for (const body of [{ role: 'mayor' }, {}, { role: null }]) {
      const bad = await admin.api.put(`/api/admin/users/${target.user.id}/role`, body);
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ error: 'invalid', path: ['role'] });
    }
    expect((await server.store.findUser(target.user.id))?.role).toBe('coordinator');
    expect((await target.api.get('/api/me')).status).toBe(200);

    const missing = await admin.api.put('/api/admin/users/no-such-id/role', { role: 'admin' });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('not_found');
  });

  it('is closed to coordinators and consultants', async () => {
    const server = await freshServer(onTestFinished);
    const target = await signedInUser(server, 'consultant');
    for (const role of ['coordinator', 'consultant'] as const) {
      const { api } = await signedInUser(server, role);
      const replies = [
        await api.get('/api/admin/users'),
        await api.post('/api/admin/users', { username: 'x1', role: 'admin', password: PASSWORD }),
        await api.post(`/api/admin/users/${target.user.id}/disable`),
        await api.post(`/api/admin/users/${target.user.id}/password`, { password: PASSWORD }),
        await api.put(`/api/admin/users/${target.user.id}/districts`, { districtIds: [] }),
        await api.put(`/api/admin/users/${target.user.id}/role`, { role: 'admin' }),
      ];
      for (const reply of replies) {
        expect(reply.status).toBe(403);
        expect(reply.body).toMatchObject({ error: 'forbidden' });
      }
    }
    expect((await target.api.get('/api/me')).status).toBe(200);
    expect((await server.store.findUser(target.user.id))?.role).toBe('consultant');
  });
});

describe('usernames and display names', () => {
  const newUser = (username: string, displayName?: string) => ({
    username,
    displayName,
    role: 'consultant',
    password: 'kochkor-2025',
  });
  const signIn = (url: string, username: string) =>
    client(url).post('/api/auth/login', { username, password: 'kochkor-2025' });

  it('normalises with NFKC: a full-width name is the Latin one, taken once', async () => {
    const server = await freshServer(onTestFinished);
    const admin = await signedInUser(server, 'admin');

    const wide = await admin.api.post('/api/admin/users', newUser('ＡＤＭ'));
    expect(wide.status).toBe(201);
    expect(wide.body.user.username).toBe('adm');

    const again = await admin.api.post('/api/admin/users', newUser('adm'));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'username_taken', path: ['username'] });
    expect((await signIn(server.url, 'ａｄｍ')).status).toBe(200);
    expect((await signIn(server.url, 'Adm')).status).toBe(200);
  });

  it('refuses a name mixing Latin and Cyrillic letters, and takes either alone', async () => {
    const server = await freshServer(onTestFinished);
    const admin = await signedInUser(server, 'admin');
    await admin.api.post('/api/admin/users', newUser('adm'));

    // The first letter is Cyrillic а (U+0430): it looks like the Latin name.
    const mixed = await admin.api.post('/api/admin/users', newUser('аdm'));
    expect(mixed.status).toBe(400);
    expect(mixed.body).toMatchObject({
      error: 'invalid',
      path: ['username'],
      message: expect.stringMatching(/Latin or Cyrillic letters, not both/),
    });
    expect((await admin.api.post('/api/admin/users', newUser('Айгүл'))).body.user.username).toBe(
      'айгүл',
    );
    expect((await signIn(server.url, 'АЙГҮЛ')).status).toBe(200);
  });

  it('strips bidi and other control characters from display names', async () => {
    const server = await freshServer(onTestFinished);
    const admin = await signedInUser(server, 'admin');

    const created = await admin.api.post(
      '/api/admin/users',
      newUser('bakyt', '\u202EБакыт\u202C \u2066Уулу\u2069\u200F\n'),
    );
    expect(created.body.user.displayName).toBe('Бакыт Уулу');
    const onlyControls = await admin.api.post('/api/admin/users', newUser('bolot', '\u202E\u0007'));
    expect(onlyControls.status).toBe(400);
    expect(onlyControls.body).toMatchObject({ error: 'invalid', path: ['displayName'] });
  });

  it('keeps accounts stored under older rules signing in', async () => {
    const server = await freshServer(onTestFinished);
    const passwordHash = await hashPassword('kochkor-2025');
    // As made before NFKC and the one-alphabet rule: full-width, and mixed alphabets.
    for (const username of ['ｏｌｄ', 'аdmin']) {
      await server.store.createUser({
        username,
        displayName: username,
        role: 'consultant',
        passwordHash,
        districtIds: [],
      });
    }
    expect((await signIn(server.url, 'ｏｌｄ')).body.user.username).toBe('ｏｌｄ');
    expect((await signIn(server.url, 'аdmin')).body.user.username).toBe('аdmin');
    // The name it now reads as cannot be made beside it.
    const admin = await signedInUser(server, 'admin');
    expect((await admin.api.post('/api/admin/users', newUser('old'))).status).toBe(409);
  });
});
