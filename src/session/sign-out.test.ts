import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appDb, records } from '../db/app-db.ts';
import { forgetDevice } from '../db/local-data.ts';
import { newHearing } from '../domain/hearing.ts';
import type { SessionUser } from '../domain/sync-protocol.ts';
import { useUiPrefs } from '../ui/ui-prefs.ts';
import { getAccount } from './account.ts';
import { leaveDisabledAccount, signOut } from './sign-out.ts';
import { keepSignIn, loadSession } from './stored-session.ts';

const aida: SessionUser = {
  id: 'u1',
  username: 'aida',
  displayName: 'Аида',
  role: 'consultant',
  districtIds: ['d-aksy'],
};

afterEach(async () => {
  vi.unstubAllGlobals();
  await forgetDevice();
  useUiPrefs.setState({ account: null, lastTerritory: null });
});

async function signedInWithAHearing() {
  await keepSignIn('token-1', aida);
  const place = { districtId: uuidv7(), municipalityId: uuidv7() };
  await records.put({
    type: 'hearing',
    id: uuidv7(),
    body: newHearing(place, new Date('2026-03-01T10:00:00')),
  });
  expect(await appDb.outbox.count()).toBe(1);
}

async function expectDeviceWiped() {
  expect(await appDb.records.count()).toBe(0);
  expect(await appDb.outbox.count()).toBe(0);
  expect(await loadSession()).toBeUndefined();
  expect(getAccount()).toBeNull();
}

describe('signOut', () => {
  it('stops sync, revokes the token, then deletes the data and the sign-in', async () => {
    await signedInWithAHearing();
    const steps: string[] = [];
    const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      steps.push(
        `${init?.method} ${String(input)} ${new Headers(init?.headers).get('authorization')}`,
      );
      return new Response(null, { status: 204 });
    });
    vi.stubGlobal('fetch', fetch);

    await signOut({ stopSync: async () => void steps.push('stop sync') });

    expect(steps).toEqual(['stop sync', 'POST /api/auth/logout Bearer token-1']);
    await expectDeviceWiped();
  });

  it('forgets the device offline too', async () => {
    await signedInWithAHearing();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );

    await signOut({ stopSync: async () => {} });

    await expectDeviceWiped();
  });
});

describe('leaveDisabledAccount', () => {
  it('stops sync and deletes everything without asking the server', async () => {
    await signedInWithAHearing();
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const stopSync = vi.fn(async () => {});

    await leaveDisabledAccount({ stopSync });

    expect(stopSync).toHaveBeenCalledOnce();
    expect(fetch).not.toHaveBeenCalled();
    await expectDeviceWiped();
  });
});
