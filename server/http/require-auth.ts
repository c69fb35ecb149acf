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

/** Lets through only requests with a live token of an enabled user; puts the user on the context. */
export function requireAuth(store: Store): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) throw unauthorized();
    const hash = tokenHash(token);
    const user = store.userForToken(hash);
    if (!user) {
      // Told apart so the device can say why and offer a backup before it wipes itself.
      if (store.tokenOfDisabledAccount(hash)) {
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
