import { Hono } from 'hono';
import { z } from 'zod';
import type { RecordHistory } from '../../../src/domain/record-history.ts';
import { ApiError } from '../../http/api-error.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { requireAuth } from '../../http/require-auth.ts';
import type { Store } from '../../store/store.ts';
import { historyFor } from '../../sync/history-view.ts';

const recordId = z.uuid();

/** GET /api/records/:id/history: every version of a record the user may read, oldest first. */
export function recordRoutes(store: Store): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireAuth(store));

  routes.get('/:id/history', async (c) => {
    const id = c.req.param('id');
    if (!recordId.safeParse(id).success) {
      throw new ApiError(400, 'invalid', 'The record id must be a UUID', { path: ['id'] });
    }
    const history = await historyFor(store, c.get('user'), id);
    if (!history) throw new ApiError(404, 'not_found', 'No such record');
    return c.json<RecordHistory>(history);
  });
  return routes;
}
