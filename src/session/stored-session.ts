/**
 * The sign-in kept on the device (token and account, in IndexedDB through src/db), so work
 * goes on offline for weeks. Whatever changes the stored account changes its mirror too.
 */
import { sessionStore } from '../db/app-db.ts';
import type { Session } from '../db/session.ts';
import type { SessionUser } from '../domain/sync-protocol.ts';
import { getAccount, mirrorAccount } from './account.ts';

export function loadSession(): Promise<Session | undefined> {
  return sessionStore.load();
}

/** The token of the account signed in here, if any. */
export async function currentToken(): Promise<string | undefined> {
  return (await sessionStore.load())?.token;
}

/** Keeps a new sign-in on the device and shows it at once. */
export async function keepSignIn(token: string, user: SessionUser): Promise<void> {
  await sessionStore.save({ token, user, signedInAt: new Date().toISOString() });
  mirrorAccount(user);
}

export const sameDistricts = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * The server says who the signed-in account is now (an admin changed its role, districts
 * or name): the stored account and its mirror follow. Returns whether anything changed.
 * Nothing is stored once the device has signed out.
 */
export async function accountChanged(me: SessionUser): Promise<boolean> {
  const session = await sessionStore.load();
  if (!session) return false;
  const before = session.user;
  const changed =
    before.role !== me.role ||
    before.displayName !== me.displayName ||
    !sameDistricts(before.districtIds, me.districtIds);
  if (!changed) return false;
  await sessionStore.save({ ...session, user: me });
  if (getAccount()?.username === me.username) mirrorAccount(me);
  return true;
}
