/** When to offer "Install on this phone": after the first record saved here, until dismissed. */
import { useLiveQuery } from 'dexie-react-hooks';
import { appDb, onLocalWrite, prefs } from './app-db.ts';

const FIRST_SAVED = 'installHint.firstSaved';
const DISMISSED = 'installHint.dismissed';

export interface InstallHintPrefs {
  /** A record has been saved on this device (there is now work worth keeping). */
  firstSaved: boolean;
  /** The consultant said "not now": the hint does not come back. */
  dismissed: boolean;
}

/** Remembers the first record written on this device (once; then stops listening). */
export function watchFirstSave(): () => void {
  let stop: (() => void) | undefined = onLocalWrite(() => {
    stop?.();
    stop = undefined;
    void prefs.set(FIRST_SAVED, true);
  });
  return () => stop?.();
}

export function useInstallHintPrefs(): InstallHintPrefs | undefined {
  return useLiveQuery(async () => {
    const [firstSaved, dismissed] = await appDb.prefs.bulkGet([FIRST_SAVED, DISMISSED]);
    return { firstSaved: firstSaved?.value === true, dismissed: dismissed?.value === true };
  }, []);
}

export function dismissInstallHint(): Promise<void> {
  return prefs.set(DISMISSED, true);
}
