/** The server's account rules (server/auth/accounts.ts), checked before anything is sent. */

export const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 200;
const MAX_DISPLAY_NAME_LENGTH = 100;
const USERNAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{1,63}$/u;

/** Usernames are kept in lower case on the server. */
export const normalizeUsername = (username: string) =>
  username.trim().normalize('NFC').toLowerCase();

export type UsernameError = 'usernameRequired' | 'username';
export type PasswordError = 'password' | 'passwordLong';

export function usernameError(username: string): UsernameError | null {
  const normalized = normalizeUsername(username);
  if (!normalized) return 'usernameRequired';
  return USERNAME.test(normalized) ? null : 'username';
}

export function passwordError(password: string): PasswordError | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'password';
  return password.length > MAX_PASSWORD_LENGTH ? 'passwordLong' : null;
}

export const displayNameError = (displayName: string): 'displayName' | null =>
  displayName.trim().length > MAX_DISPLAY_NAME_LENGTH ? 'displayName' : null;
