/**
 * Leaving the device: signing out, or being told the account is disabled. Either way the
 * device's copy of the data goes, with the sign-in and its mirror. The screens offer the
 * unsynced changes as an encrypted file first (countUnsynced in src/db says how many).
 */
import { forgetDevice } from '../db/local-data.ts';
import { mirrorAccount } from './account.ts';
import { logout } from './auth-api.ts';
import { currentToken } from './stored-session.ts';

export interface LeaveOptions {
  /** Stops this tab's sync before anything is deleted (the app passes stopAppSync). */
  stopSync: () => Promise<void>;
}

/** Revokes the token on the server (offline, the device forgets it anyway) and wipes the device. */
export async function signOut({ stopSync }: LeaveOptions): Promise<void> {
  const token = await currentToken();
  await stopSync();
  if (token) await logout(token);
  await forgetDevice();
  mirrorAccount(null);
}

/** The server disabled the account: its token is already refused, so the device just forgets. */
export async function leaveDisabledAccount({ stopSync }: LeaveOptions): Promise<void> {
  await stopSync();
  await forgetDevice();
  mirrorAccount(null);
}
