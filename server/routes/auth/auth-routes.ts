import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { LoginResponse, SessionUser } from '../../../src/domain/sync-protocol.ts';
import { findAccount, normalizeUsername, toSessionUser } from '../../auth/accounts.ts';
import {
  accountKey,
  addressKey,
  deviceKey,
  type LoginKey,
  type LoginLimits,
} from '../../auth/login-throttle.ts';
import { verifyAgainstNothing, verifyPassword } from '../../auth/password.ts';
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
  /** The device's own id: a device the account signed in on before has its own counter. */
  deviceId: z.string().min(1).max(200).optional(),
});

export interface AuthRouteDeps {
  store: Store;
  loginLimits: LoginLimits;
  trustProxy: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** POST /api/auth/login, POST /api/auth/logout, GET /api/me. */
export function authRoutes({ store, loginLimits, trustProxy }: AuthRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post('/auth/login', async (c) => {
    const { username: typed, password, deviceId } = await readJson(c, loginSchema);
    const user = await findAccount(store, typed);
    const deviceHash = deviceId === undefined ? undefined : sha256(deviceId);
    // A device the account signed in on before counts only its own failures: guessing
    // from elsewhere (or from behind the same proxy) cannot lock its owner out.
    const knownDevice =
      user && deviceHash && (await store.isKnownDevice(user.id, deviceHash))
        ? deviceKey(user.id, deviceHash)
        : undefined;
    const account = accountKey(user?.username ?? normalizeUsername(typed));
    // The address's counter comes last: on success only its reservation is taken back.
    const keys: LoginKey[] = knownDevice
      ? [{ key: knownDevice, free: loginLimits.perDevice }]
      : [
          { key: account, free: loginLimits.perAccount },
          { key: addressKey(clientAddress(c, trustProxy)), free: loginLimits.perAddress },
        ];
    // Counted as a failure before the (slow) password check, so a burst of parallel
    // guesses gets no more checks than the limit allows; taken back on success.
    const reservation = await store.reserveLoginAttempt(keys, loginLimits);
    if (!reservation.reserved) {
      const seconds = Math.max(1, Math.ceil(reservation.retryAfterMs / 1000));
      throw new ApiError(
        429,
        'rate_limited',
        `Too many failed sign-ins: try again in ${seconds} s`,
        {
          headers: { 'Retry-After': String(seconds) },
        },
      );
    }
    const hash = user && (await store.passwordHash(user.id));
    const ok = hash ? await verifyPassword(password, hash) : await verifyAgainstNothing(password);
    // One answer for unknown name, wrong password and disabled account: nothing to probe.
    if (!user || !ok || user.disabled) {
      throw new ApiError(401, 'invalid_credentials', 'Wrong username or password');
    }
    // The account's count starts afresh; the address's loses only this attempt, so one good
    // account cannot be used to reset guessing against others.
    await store.loginSucceeded({
      release: knownDevice ? [] : reservation.ids.slice(1),
      clear: [knownDevice ?? account],
      device: deviceHash ? { userId: user.id, deviceHash } : undefined,
    });
    const token = newToken();
    await store.saveToken(tokenHash(token), user.id);
    return c.json<LoginResponse>({ token, user: toSessionUser(user) });
  });

  routes.post('/auth/logout', requireAuth(store), async (c) => {
    await store.revokeToken(c.get('tokenHash'));
    return c.body(null, 204);
  });

  routes.get('/me', requireAuth(store), (c) => c.json<SessionUser>(toSessionUser(c.get('user'))));
  return routes;
}
