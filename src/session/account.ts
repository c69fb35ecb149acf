/**
 * The signed-in account, as the whole app reads it. The account is kept in IndexedDB with
 * its token (stored-session.ts); this mirror of it in the UI preferences (localStorage) is
 * read synchronously, so the first paint knows who is signed in before IndexedDB opens. Only
 * src/session writes either, and it writes both: sign-in, an account change, sign-out.
 * This file loads no database: the shell and the sign-in screen import it.
 */
import type { SessionUser } from '../domain/sync-protocol.ts';
import { useUiPrefs } from '../ui/ui-prefs.ts';

/** Who is signed in on this device; null before sign-in and after sign-out. */
export function useAccount(): SessionUser | null {
  return useUiPrefs((s) => s.account);
}

/** The same, outside React (the start-up redirect to sign-in). */
export function getAccount(): SessionUser | null {
  return useUiPrefs.getState().account;
}

/** For src/session only: the mirror follows what was stored. */
export function mirrorAccount(user: SessionUser | null): void {
  useUiPrefs.getState().setAccount(user);
}
