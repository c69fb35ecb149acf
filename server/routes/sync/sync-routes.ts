import { Hono } from 'hono';
import { z } from 'zod';
import {
  DEFAULT_PULL_LIMIT,
  MAX_PULL_LIMIT,
  type PushResponse,
  pushBatchSchema,
} from '../../../src/domain/sync-protocol.ts';
import type { FairUse } from '../../fair-use/fair-use.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { gzipJson } from '../../http/gzip-json.ts';
import { readJson, readQuery } from '../../http/read-json.ts';
import { requireAuth } from '../../http/require-auth.ts';
import type { Store } from '../../store/store.ts';
import { applyPush } from '../../sync/apply-push.ts';
import { pullPageJson } from '../../sync/pull-page.ts';

const wholeNumber = (name: string) =>
  z
    .string()
    .regex(/^\d{1,15}$/, `${name} must be a whole number`)
    .transform(Number);

const pullQuerySchema = z.object({
  since: wholeNumber('since').default(0),
  limit: wholeNumber('limit')
    .pipe(
      z
        .number()
        .min(1, 'limit must be 1 or more')
        .max(MAX_PULL_LIMIT, `limit must be ${MAX_PULL_LIMIT} or less`),
    )
    .default(DEFAULT_PULL_LIMIT),
  /** `1`: also count the changes from `since` on (a download's progress). */
  count: z.enum(['0', '1']).default('0'),
});

/** POST /api/sync/push and GET /api/sync/pull. */
export function syncRoutes(store: Store, fairUse: FairUse): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireAuth(store));

  routes.post('/push', async (c) => {
    const request = await readJson(c, pushBatchSchema);
    const user = c.get('user');
    const results = await applyPush(
      store,
      {
        user,
        deviceId: request.deviceId,
        schemaVersion: request.schemaVersion,
        takeAllowance: (tx) => fairUse.takePush(tx, user.id),
        conflictVersionsKept: fairUse.limits.conflictVersionsKept,
      },
      request.mutations,
    );
    return gzipJson(c, JSON.stringify({ results } satisfies PushResponse));
  });

  routes.get('/pull', async (c) => {
    const { since, limit, count } = readQuery(c, pullQuerySchema);
    return c.body(await pullPageJson(store, c.get('user'), since, limit, count === '1'), 200, {
      'Content-Type': 'application/json; charset=UTF-8',
    });
  });
  return routes;
}
