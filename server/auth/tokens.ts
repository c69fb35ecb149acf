import { createHash, randomBytes } from 'node:crypto';

/** A new session token: 32 random bytes, base64url. Shown to the client once, never stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of the token: a stolen database gives no working token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
