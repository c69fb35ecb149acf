import { describe, expect, it, vi } from 'vitest';
import { AdminApiError, type AdminProblem, createAdminApi } from './admin-api.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function api(answer: () => Promise<Response>, token: string | null = 'token-1234567890abcdef') {
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => answer());
  return { fetch, api: createAdminApi({ getToken: async () => token, fetch }) };
}

async function problemOf(promise: Promise<unknown>): Promise<AdminProblem> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AdminApiError) return error.problem;
    throw error;
  }
  throw new Error('expected a refusal');
}

const NEW_USER = {
  username: 'nurlan',
  role: 'consultant',
  password: 'long-enough',
  districtIds: ['nooken'],
} as const;

describe('admin API', () => {
  it('sends the token and the JSON body, and returns the user', async () => {
    const user = { id: 'u1', username: 'nurlan' };
    const { api: admin, fetch } = api(async () => json(201, { user }));
    await expect(
      admin.createUser({ ...NEW_USER, districtIds: [...NEW_USER.districtIds] }),
    ).resolves.toEqual(user);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/admin/users');
    expect(init?.method).toBe('POST');
    const headers = new Headers(init?.headers);
    expect(headers.get('authorization')).toBe('Bearer token-1234567890abcdef');
    expect(headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init?.body))).toEqual(NEW_USER);
  });

  it('maps the server refusals to problems the screen can say', async () => {
    const cases: [Response, AdminProblem][] = [
      [
        json(409, { error: 'username_taken', message: 'taken', path: ['username'] }),
        { kind: 'username-taken' },
      ],
      [
        json(400, { error: 'invalid', message: 'short', path: ['password'] }),
        { kind: 'invalid', field: 'password' },
      ],
      [
        json(400, { error: 'invalid', message: 'unknown', path: ['districtIds'] }),
        { kind: 'invalid', field: 'districtIds' },
      ],
      [json(400, { error: 'cannot_disable_self', message: 'no' }), { kind: 'cannot-disable-self' }],
      [
        json(400, { error: 'cannot_change_own_role', message: 'no' }),
        { kind: 'cannot-change-own-role' },
      ],
      [
        json(400, { error: 'invalid', message: 'unknown', path: ['role'] }),
        { kind: 'invalid', field: 'role' },
      ],
      [json(401, { error: 'unauthorized', message: 'Sign in again' }), { kind: 'auth' }],
      [json(403, { error: 'forbidden', message: 'Only an admin' }), { kind: 'forbidden' }],
      [json(404, { error: 'not_found', message: 'No such user' }), { kind: 'not-found' }],
      [json(500, { error: 'internal', message: 'boom' }), { kind: 'server' }],
    ];
    for (const [response, problem] of cases) {
      const { api: admin } = api(async () => response);
      expect(await problemOf(admin.setDisabled('u1', true))).toEqual(problem);
    }
  });

  it('puts a new role', async () => {
    const user = { id: 'u/1', role: 'coordinator' };
    const { api: admin, fetch } = api(async () => json(200, { user }));
    await expect(admin.setRole('u/1', 'coordinator')).resolves.toEqual(user);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/admin/users/u%2F1/role');
    expect(init?.method).toBe('PUT');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init?.body))).toEqual({ role: 'coordinator' });
  });

  it('is offline when the network fails, and asks for sign-in without a token', async () => {
    const { api: offline } = api(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await problemOf(offline.listUsers())).toEqual({ kind: 'offline' });
    const { api: signedOut, fetch } = api(async () => json(200, { users: [] }), null);
    expect(await problemOf(signedOut.listUsers())).toEqual({ kind: 'auth' });
    expect(fetch).not.toHaveBeenCalled();
  });
});
