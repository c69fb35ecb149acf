import type { MiddlewareHandler } from 'hono';
import { tokenHash } from '../auth/tokens.ts';
import type { Store } from '../store/store.ts';
import { ApiError } from './api-error.ts';
import type { AppEnv } from './app-env.ts';

const BEARER = /^Bearer +([A-Za-z0-9_-]{16,128}) *$/;

const unauthorized = () =>
  new ApiError(401, 'unauthorized', 'Sign in again: this request needs a valid token', {
    headers: { 'WWW-Authenticate': 'Bearer' },
  });

const expired = () =>
  new ApiError(401, 'token_expired', 'Sign in again: this token was not used for too long', {
    headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
  });

/** Tells `requireAuth` how long a token may go unused before it stops working. */
export function tokenIdleLimit(idleMs: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('tokenIdleMs', idleMs);
    await next();
  };
}

/** Lets through only requests with a live token of an enabled user; puts the user on the context. */
export function requireAuth(store: Store): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) throw unauthorized();
    const hash = tokenHash(token);
    const idleMs = c.get('tokenIdleMs') as number | undefined;
    const idleSince = idleMs === undefined ? undefined : new Date(store.now().getTime() - idleMs);
    const user = await store.userForToken(hash, idleSince);
    if (user === 'expired') throw expired();
    if (!user) {
      // Told apart so the device can say why and offer a backup before it wipes itself.
      if (await store.tokenOfDisabledAccount(hash)) {
        throw new ApiError(403, 'account_disabled', 'This account has been disabled');
      }
      throw unauthorized();
    }
    c.set('user', user);
    c.set('tokenHash', hash);
    await next();
  };
}

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('user').role !== 'admin') {
    throw new ApiError(403, 'forbidden', 'Only an admin may do this');
  }
  await next();
};
