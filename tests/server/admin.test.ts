import { describe, expect, it, onTestFinished } from 'vitest';
import { client, freshServer, PASSWORD, signedInUser } from './helpers.ts';

describe('admin API', () => {
  it('creates, lists and changes users', async () => {
    const server = await freshServer(onTestFinished);
    const admin = await signedInUser(server, 'admin');

    const created = await admin.api.post('/api/admin/users', {
      username: 'Nurlan',
      displayName: 'Нурлан Абдыкадыров',
      role: 'consultant',
      password: 'kochkor-2025',
      districtIds: ['district-kochkor', 'district-at-bashy', 'district-kochkor'],
    });
    expect(created.status).toBe(201);
    const user = created.body.user;
    expect(user).toEqual({
      id: expect.any(String),
      username: 'nurlan',
      displayName: 'Нурлан Абдыкадыров',
      role: 'consultant',
      districtIds: ['district-at-bashy', 'district-kochkor'],
      disabled: false,
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(created.body)).not.toMatch(/password|scrypt/);

    const list = await admin.api.get('/api/admin/users');
    expect(list.body.users.map((u: { username: string }) => u.username)).toContain('nurlan');

    const districts = await admin.api.put(`/api/admin/users/${user.id}/districts`, {
      districtIds: ['district-naryn'],
    });
    expect(districts.body.user.districtIds).toEqual(['district-naryn']);

    const signIn = await client(server.url).post('/api/auth/login', {
      username: 'nurlan',
      password: 'kochkor-2025',
    });
    expect(signIn.body.user.districtIds).toEqual(['district-naryn']);

    const disabled = await admin.api.post(`/api/admin/users/${user.id}/disable`);
    expect(disabled.body.user.disabled).toBe(true);
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
      ];
      for (const reply of replies) {
        expect(reply.status).toBe(403);
        expect(reply.body).toMatchObject({ error: 'forbidden' });
      }
    }
    expect((await target.api.get('/api/me')).status).toBe(200);
  });
});
