/**
 * Signing in: the one step that needs the network once. Loaded when the sign-in form is
 * first touched, with the device database it stores the sign-in in.
 */
import { prefs } from '../db/app-db.ts';
import type { SessionUser } from '../domain/sync-protocol.ts';
import { getAccount } from './account.ts';
import { login } from './auth-api.ts';
import { keepSignIn } from './stored-session.ts';

export type SignInOutcome =
  | { kind: 'signed-in'; user: SessionUser }
  /** Signing in again (the token was revoked) as someone else: the local data is not theirs. */
  | { kind: 'other-user'; name: string };

/**
 * Signs in and keeps the token and the account on the device. Throws LoginError when the
 * server refuses or cannot be reached. Starting sync afterwards is the caller's part.
 */
export async function signIn(username: string, password: string): Promise<SignInOutcome> {
  const { token, user } = await login(username, password, await prefs.deviceId());
  const account = getAccount();
  if (account && account.username !== user.username) {
    return { kind: 'other-user', name: account.displayName || account.username };
  }
  await keepSignIn(token, user);
  return { kind: 'signed-in', user };
}
