import { Hono } from 'hono';
import { z } from 'zod';
import type { LoginResponse, SessionUser } from '../../../src/domain/sync-protocol.ts';
import { normalizeUsername, toSessionUser } from '../../auth/accounts.ts';
import { verifyAgainstNothing, verifyPassword } from '../../auth/password.ts';
import type { LoginGuard } from '../../auth/rate-limiter.ts';
import { newToken, tokenHash } from '../../auth/tokens.ts';
import { ApiError } from '../../http/api-error.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { clientAddress } from '../../http/client-address.ts';
import { readJson } from '../../http/read-json.ts';
import { requireAuth } from '../../http/require-auth.ts';
import type { Store } from '../../store/store.ts';

const loginSchema = z.object({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1000),
});

export interface AuthRouteDeps {
  store: Store;
  loginGuard: LoginGuard;
  trustProxy: boolean;
}

/** POST /api/auth/login, POST /api/auth/logout, GET /api/me. */
export function authRoutes({ store, loginGuard, trustProxy }: AuthRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post('/auth/login', async (c) => {
    const { username: typed, password } = await readJson(c, loginSchema);
    const username = normalizeUsername(typed);
    const address = clientAddress(c, trustProxy);
    const wait = loginGuard.retryAfterSeconds(username, address);
    if (wait > 0) {
      throw new ApiError(429, 'rate_limited', 'Too many failed sign-ins: try again later', {
        headers: { 'Retry-After': String(wait) },
      });
    }
    const user = store.findUserByUsername(username);
    const hash = user && store.passwordHash(user.id);
    const ok = hash ? await verifyPassword(password, hash) : await verifyAgainstNothing(password);
    // One answer for unknown name, wrong password and disabled account: nothing to probe.
    if (!user || !ok || user.disabled) {
      loginGuard.failed(username, address);
      throw new ApiError(401, 'invalid_credentials', 'Wrong username or password');
    }
    loginGuard.succeeded(username);
    const token = newToken();
    store.saveToken(tokenHash(token), user.id);
    return c.json<LoginResponse>({ token, user: toSessionUser(user) });
  });

  routes.post('/auth/logout', requireAuth(store), (c) => {
    store.revokeToken(c.get('tokenHash'));
    return c.body(null, 204);
  });

  routes.get('/me', requireAuth(store), (c) => c.json<SessionUser>(toSessionUser(c.get('user'))));
  return routes;
}
