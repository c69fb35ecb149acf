/**
 * Account name rules shared by the server (admin API, users CLI, sign-in) and the device's
 * user form. A username is compared after NFKC and lower case, so full-width `ａｄｍ` is
 * `adm`; and it is written in one alphabet, so Cyrillic `аdm` cannot pose as Latin `adm`.
 */

/** The form a username is kept, looked up and compared in. */
export const normalizeUsername = (username: string): string =>
  username.trim().normalize('NFKC').toLowerCase().normalize('NFKC');

/** How usernames were compared before NFKC: still tried, so older accounts keep signing in. */
export const legacyNormalizeUsername = (username: string): string =>
  username.trim().normalize('NFC').toLowerCase();

const LATIN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const CYRILLIC = /^[\p{Script=Cyrillic}0-9][\p{Script=Cyrillic}0-9._-]{1,63}$/u;
const CYRILLIC_LETTER = /^\p{L}$/u;
const HAS_LATIN = /\p{Script=Latin}/u;
const HAS_CYRILLIC = /\p{Script=Cyrillic}/u;

export type UsernameProblem = 'format' | 'mixed-scripts';

/** What is wrong with a (normalised) username for a new account; null when it may be used. */
export function usernameProblem(normalized: string): UsernameProblem | null {
  if (LATIN.test(normalized)) return null;
  // Cyrillic script also holds signs and combining marks: only its letters count.
  if (CYRILLIC.test(normalized) && [...normalized].every(isCyrillicPart)) return null;
  return HAS_LATIN.test(normalized) && HAS_CYRILLIC.test(normalized) ? 'mixed-scripts' : 'format';
}

const isCyrillicPart = (char: string) => /^[0-9._-]$/.test(char) || CYRILLIC_LETTER.test(char);

/** Bidirectional controls, which can make a name display as another, and invisible marks. */
const INVISIBLE = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
/** Control characters and line or paragraph separators: each becomes a space. */
const CONTROL = /[\p{Cc}\u2028\u2029]+/gu;

/** A display name without control characters, bidi controls included; spaces collapsed. */
export const cleanDisplayName = (name: string): string =>
  name.replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
