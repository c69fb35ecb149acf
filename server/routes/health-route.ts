import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { isStorageFull } from '../http/storage-full.ts';
import type { Store } from '../store/store.ts';

/**
 * GET /api/health: open to all; `hasUsers` lets the sign-in screen explain the first
 * set-up; `engine` says which database this process uses. 503 with `error` `storage_full`
 * or `database_unavailable` when the database cannot take a write.
 */
export function healthRoute(store: Store, version: string): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/health', async (c) => {
    try {
      await store.ping();
      await store.checkWritable();
      return c.json({
        status: 'ok',
        version,
        engine: store.engine,
        schemaVersion: await store.schemaVersion(),
        hasUsers: (await store.countUsers()) > 0,
      });
    } catch (error) {
      const code = isStorageFull(error) ? 'storage_full' : 'database_unavailable';
      return c.json({ status: 'unavailable', version, engine: store.engine, error: code }, 503);
    }
  });
  return routes;
}
