/** The server's account rules (server/auth/accounts.ts), checked before anything is sent. */
import { normalizeUsername, usernameProblem } from '../../domain/username.ts';

export const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 200;
const MAX_DISPLAY_NAME_LENGTH = 100;

export { normalizeUsername };

export type UsernameError = 'usernameRequired' | 'username';
export type PasswordError = 'password' | 'passwordLong';

export function usernameError(username: string): UsernameError | null {
  const normalized = normalizeUsername(username);
  if (!normalized) return 'usernameRequired';
  return usernameProblem(normalized) ? 'username' : null;
}

export function passwordError(password: string): PasswordError | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'password';
  return password.length > MAX_PASSWORD_LENGTH ? 'passwordLong' : null;
}

export const displayNameError = (displayName: string): 'displayName' | null =>
  displayName.trim().length > MAX_DISPLAY_NAME_LENGTH ? 'displayName' : null;
