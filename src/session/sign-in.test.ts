import { afterEach, describe, expect, it, vi } from 'vitest';
import { prefs } from '../db/app-db.ts';
import { forgetDevice } from '../db/local-data.ts';
import type { SessionUser } from '../domain/sync-protocol.ts';
import { useUiPrefs } from '../ui/ui-prefs.ts';
import { getAccount } from './account.ts';
import { LoginError } from './auth-api.ts';
import { signIn } from './sign-in.ts';
import { currentToken, keepSignIn, loadSession } from './stored-session.ts';

const aida: SessionUser = {
  id: 'u1',
  username: 'aida',
  displayName: 'Аида',
  role: 'consultant',
  districtIds: ['d-aksy'],
};
const bek: SessionUser = { ...aida, id: 'u2', username: 'bek', displayName: 'Бек' };

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function serverAnswers(response: () => Response) {
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => response());
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(async () => {
  vi.unstubAllGlobals();
  await forgetDevice();
  useUiPrefs.setState({ account: null, lastTerritory: null });
});

describe('signIn', () => {
  it('sends the device id and keeps the token and the account', async () => {
    const fetch = serverAnswers(() => json(200, { token: 'token-1', user: aida }));

    expect(await signIn('aida', 'long-enough')).toEqual({ kind: 'signed-in', user: aida });

    const body = JSON.parse(String(fetch.mock.calls[0]?.[1]?.body)) as Record<string, unknown>;
    expect(body).toEqual({
      username: 'aida',
      password: 'long-enough',
      deviceId: await prefs.deviceId(),
    });
    expect(await currentToken()).toBe('token-1');
    expect(getAccount()).toEqual(aida);
  });

  it('keeps nothing when the server refuses', async () => {
    serverAnswers(() => json(401, { error: 'invalid_credentials' }));

    const error = await signIn('aida', 'wrong-password').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(LoginError);
    expect((error as LoginError).failure).toEqual({ code: 'invalid' });
    expect(await loadSession()).toBeUndefined();
    expect(getAccount()).toBeNull();
  });

  it('does not let another account take over the data of the one signed in here', async () => {
    await keepSignIn('old-token', aida);
    serverAnswers(() => json(200, { token: 'token-2', user: bek }));

    expect(await signIn('bek', 'long-enough')).toEqual({ kind: 'other-user', name: 'Аида' });

    expect(await currentToken()).toBe('old-token');
    expect(getAccount()).toEqual(aida);
  });
});
