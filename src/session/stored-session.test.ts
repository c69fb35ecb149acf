import { afterEach, describe, expect, it } from 'vitest';
import { forgetDevice } from '../db/local-data.ts';
import type { SessionUser } from '../domain/sync-protocol.ts';
import { useUiPrefs } from '../ui/ui-prefs.ts';
import { getAccount } from './account.ts';
import { accountChanged, currentToken, keepSignIn, loadSession } from './stored-session.ts';

const aida: SessionUser = {
  id: 'u1',
  username: 'aida',
  displayName: 'Аида',
  role: 'consultant',
  districtIds: ['d-aksy'],
};

afterEach(async () => {
  await forgetDevice();
  useUiPrefs.setState({ account: null, lastTerritory: null });
});

describe('the stored session', () => {
  it('keeps a sign-in in the device store and its account in the mirror', async () => {
    await keepSignIn('token-1', aida);
    expect(await currentToken()).toBe('token-1');
    expect((await loadSession())?.user).toEqual(aida);
    expect(getAccount()).toEqual(aida);
  });

  it('follows an account change in both places, and keeps the last territory picked', async () => {
    await keepSignIn('token-1', aida);
    useUiPrefs.getState().setLastTerritory({ districtId: 'd-aksy' });
    const moved = { ...aida, districtIds: ['d-nooken', 'd-aksy'] };

    expect(await accountChanged(moved)).toBe(true);
    expect((await loadSession())?.user).toEqual(moved);
    expect(await currentToken()).toBe('token-1');
    expect(getAccount()).toEqual(moved);
    expect(useUiPrefs.getState().lastTerritory).toEqual({ districtId: 'd-aksy' });

    // The same districts in another order change nothing.
    expect(await accountChanged({ ...moved, districtIds: ['d-aksy', 'd-nooken'] })).toBe(false);
  });

  it('stores nothing once the device has signed out', async () => {
    await keepSignIn('token-1', aida);
    await forgetDevice();
    useUiPrefs.getState().setAccount(null);

    expect(await accountChanged({ ...aida, role: 'coordinator' })).toBe(false);
    expect(await loadSession()).toBeUndefined();
    expect(getAccount()).toBeNull();
  });
});
