import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { securityHeaders } from './security.ts';
import { mountStatic } from './static.ts';
import type { Store } from './store/store.ts';

export interface AppDeps {
  store: Store;
  version: string;
  /** Absolute path of the built app; omit to serve the API only (tests). */
  staticDir?: string;
}

/** The whole HTTP surface: the API under /api and the built app for everything else. */
export function createApp({ store, version, staticDir }: AppDeps): Hono {
  const app = new Hono();
  app.use('*', securityHeaders());
  app.use('*', compress());

  app.get('/api/health', (c) => {
    try {
      store.ping();
    } catch {
      return c.json({ status: 'unavailable', version }, 503);
    }
    return c.json({ status: 'ok', version, schemaVersion: store.schemaVersion() });
  });

  app.all('/api/*', (c) => c.json({ error: 'not_found', message: 'No such API endpoint' }, 404));

  if (staticDir) mountStatic(app, staticDir);

  app.notFound((c) => c.json({ error: 'not_found', message: 'Not found' }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    console.error(error);
    return c.json({ error: 'internal', message: 'Internal server error' }, 500);
  });
  return app;
}
