import { Hono } from 'hono';
import { z } from 'zod';
import { roleSchema } from '../../../src/domain/sync-protocol.ts';
import {
  createAccount,
  districtIdsSchema,
  newAccountSchema,
  passwordSchema,
  resetPassword,
} from '../../auth/accounts.ts';
import {
  districtDirectory,
  resolveDistricts,
  UnknownDistrictsError,
} from '../../auth/districts.ts';
import { ApiError } from '../../http/api-error.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { readJson } from '../../http/read-json.ts';
import { requireAdmin, requireAuth } from '../../http/require-auth.ts';
import { type Store, type UserAccount, UsernameTakenError } from '../../store/store.ts';

const passwordBody = z.object({ password: passwordSchema });
const districtsBody = z.object({ districtIds: districtIdsSchema });
const roleBody = z.object({ role: roleSchema });

/** District codes or ids as district ids: 400 `invalid` at `districtIds` for unknown ones. */
async function districtIds(store: Store, entries: readonly string[]): Promise<string[]> {
  if (entries.length === 0) return [];
  try {
    return resolveDistricts(await districtDirectory(store), entries);
  } catch (error) {
    if (!(error instanceof UnknownDistrictsError)) throw error;
    throw new ApiError(400, 'invalid', error.message, { path: ['districtIds'] });
  }
}

const found = (user: UserAccount | undefined) => {
  if (!user) throw new ApiError(404, 'not_found', 'No such user');
  return { user };
};

/** Account management under /api/admin: admins only. */
export function userRoutes(store: Store): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireAuth(store), requireAdmin);

  routes.get('/users', async (c) => c.json({ users: await store.listUsers() }));

  routes.post('/users', async (c) => {
    const input = await readJson(c, newAccountSchema);
    const account = { ...input, districtIds: await districtIds(store, input.districtIds) };
    try {
      return c.json({ user: await createAccount(store, account) }, 201);
    } catch (error) {
      if (!(error instanceof UsernameTakenError)) throw error;
      throw new ApiError(409, 'username_taken', error.message, { path: ['username'] });
    }
  });

  routes.post('/users/:id/disable', async (c) => {
    // An admin locking themselves out would leave only the CLI to undo it.
    if (c.req.param('id') === c.get('user').id) {
      throw new ApiError(400, 'cannot_disable_self', 'You cannot disable your own account');
    }
    return c.json(found(await store.setDisabled(c.req.param('id'), true)));
  });

  routes.post('/users/:id/enable', async (c) =>
    c.json(found(await store.setDisabled(c.req.param('id'), false))),
  );

  routes.post('/users/:id/password', async (c) => {
    const { password } = await readJson(c, passwordBody);
    return c.json(found(await resetPassword(store, c.req.param('id'), password)));
  });

  routes.put('/users/:id/districts', async (c) => {
    const body = await readJson(c, districtsBody);
    const ids = await districtIds(store, body.districtIds);
    return c.json(found(await store.setDistricts(c.req.param('id'), ids)));
  });

  routes.put('/users/:id/role', async (c) => {
    // An admin demoting themselves could leave no admin at all.
    if (c.req.param('id') === c.get('user').id) {
      throw new ApiError(400, 'cannot_change_own_role', 'You cannot change your own role');
    }
    const { role } = await readJson(c, roleBody);
    // Districts are kept as they are: only consultants use them.
    return c.json(found(await store.setRole(c.req.param('id'), role)));
  });
  return routes;
}
