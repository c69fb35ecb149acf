import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import type { Store } from '../store/store.ts';

/** GET /api/health: open to all; `hasUsers` lets the sign-in screen explain the first set-up. */
export function healthRoute(store: Store, version: string): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/health', (c) => {
    try {
      store.ping();
      return c.json({
        status: 'ok',
        version,
        schemaVersion: store.schemaVersion(),
        hasUsers: store.countUsers() > 0,
      });
    } catch {
      return c.json({ status: 'unavailable', version }, 503);
    }
  });
  return routes;
}
