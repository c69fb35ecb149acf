/**
 * Account rules shared by the admin API and the users CLI, so both accept and refuse the
 * same names, passwords and districts.
 */
import { z } from 'zod';
import { roleSchema, type SessionUser } from '../../src/domain/sync-protocol.ts';
import type { Store, UserAccount } from '../store/store.ts';
import { hashPassword } from './password.ts';

export const MIN_PASSWORD_LENGTH = 8;

/** Usernames are kept in lower case, so logins are case-insensitive in every alphabet. */
export const normalizeUsername = (username: string) =>
  username.trim().normalize('NFC').toLowerCase();

export const usernameSchema = z
  .string()
  .transform(normalizeUsername)
  .pipe(
    z
      .string()
      .regex(
        /^[\p{L}\p{N}][\p{L}\p{N}._-]{1,63}$/u,
        'A username is 2 to 64 letters, digits, dots, dashes or underscores',
      ),
  );

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `A password has at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, 'A password has at most 200 characters');

export const displayNameSchema = z.string().trim().min(1).max(100);

export const districtIdsSchema = z
  .array(z.string().trim().min(1).max(64))
  .max(500)
  .transform((ids) => [...new Set(ids)].sort());

export const newAccountSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema.optional(),
  role: roleSchema,
  password: passwordSchema,
  districtIds: districtIdsSchema.default([]),
});
export type NewAccount = z.input<typeof newAccountSchema>;

/** Creates a user; throws UsernameTakenError when the name is in use, ZodError when invalid. */
export async function createAccount(store: Store, account: NewAccount): Promise<UserAccount> {
  const input = newAccountSchema.parse(account);
  return store.createUser({
    username: input.username,
    displayName: input.displayName ?? input.username,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    districtIds: input.districtIds,
  });
}

/** Sets a new password; the user's tokens are revoked, so every device signs in again. */
export async function resetPassword(
  store: Store,
  userId: string,
  password: string,
): Promise<UserAccount | undefined> {
  return store.setPasswordHash(userId, await hashPassword(password));
}

/** What the client is told about the signed-in user. */
export const toSessionUser = (user: UserAccount): SessionUser => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  districtIds: user.districtIds,
});
