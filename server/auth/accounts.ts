/**
 * Account rules shared by the admin API and the users CLI, so both accept and refuse the
 * same names, passwords and districts.
 */
import { z } from 'zod';
import { roleSchema, type SessionUser } from '../../src/domain/sync-protocol.ts';
import {
  cleanDisplayName,
  legacyNormalizeUsername,
  normalizeUsername,
  usernameProblem,
} from '../../src/domain/username.ts';
import { type Store, type UserAccount, UsernameTakenError } from '../store/store.ts';
import { hashPassword } from './password.ts';

export const MIN_PASSWORD_LENGTH = 8;

export { normalizeUsername };

/**
 * A new username: NFKC, lower case, one alphabet. Stored accounts are not re-checked, so a
 * name made under older rules (say, mixed alphabets) keeps signing in; it just cannot be
 * made again.
 */
export const usernameSchema = z
  .string()
  .transform(normalizeUsername)
  .superRefine((username, ctx) => {
    const problem = usernameProblem(username);
    if (problem === 'mixed-scripts') {
      ctx.addIssue({
        code: 'custom',
        message: 'A username uses Latin or Cyrillic letters, not both',
      });
    } else if (problem) {
      ctx.addIssue({
        code: 'custom',
        message:
          'A username is 2 to 64 Latin or Cyrillic letters, digits, dots, dashes or underscores',
      });
    }
  });

/**
 * The account a typed username names (sign-in, CLI): compared after NFKC; an account kept
 * under the older rule (NFC only, e.g. a stored full-width name) is still found.
 */
export async function findAccount(store: Store, typed: string): Promise<UserAccount | undefined> {
  return (
    (await store.findUserByUsername(normalizeUsername(typed))) ??
    (await store.findUserByUsername(legacyNormalizeUsername(typed)))
  );
}

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `A password has at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, 'A password has at most 200 characters');

/** Without control characters (bidi controls included), which could disguise a name. */
export const displayNameSchema = z
  .string()
  .transform(cleanDisplayName)
  .pipe(z.string().min(1).max(100));

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
  // A name kept under the older rule (NFC only, say full-width) that now reads the same.
  const users = await store.listUsers();
  if (users.some((user) => normalizeUsername(user.username) === input.username)) {
    throw new UsernameTakenError(`The username ${input.username} is already taken`);
  }
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
