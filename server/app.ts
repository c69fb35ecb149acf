import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from './auth/login-throttle.ts';
import type { BlobBytes } from './blobs/blob-bytes.ts';
import { blobBytesFor } from './blobs/blob-bytes-for.ts';
import { DEFAULT_FAIR_USE, FairUse, type FairUseLimits } from './fair-use/fair-use.ts';
import { ApiError, type ErrorBody } from './http/api-error.ts';
import type { AppEnv } from './http/app-env.ts';
import { apiBodyLimits } from './http/body-limits.ts';
import { proxyHeaderWarning } from './http/client-address.ts';
import { requestId } from './http/request-id.ts';
import { tokenIdleLimit } from './http/require-auth.ts';
import { isStorageFull, storageFullLog } from './http/storage-full.ts';
import { userRoutes } from './routes/admin/user-routes.ts';
import { authRoutes } from './routes/auth/auth-routes.ts';
import { blobRoutes } from './routes/blobs/blob-routes.ts';
import { healthRoute } from './routes/health-route.ts';
import { recordRoutes } from './routes/records/history-route.ts';
import { syncRoutes } from './routes/sync/sync-routes.ts';
import { securityHeaders } from './security.ts';
import { mountStatic } from './static.ts';
import type { Store } from './store/store.ts';

export interface AppDeps {
  store: Store;
  version: string;
  /** Absolute path of the data directory; with SQLite, attachments are under `<dataDir>/blobs`. */
  dataDir: string;
  /** Where attachment bytes live; by default the store's (`blobBytesFor(store, dataDir)`). */
  blobBytes?: BlobBytes;
  /** Absolute path of the built app; omit to serve the API only (tests). */
  staticDir?: string;
  /** A clock for the app's own limits; sign-in limits and token expiry use the store's. */
  now?: () => Date;
  loginLimits?: LoginLimits;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy?: boolean;
  /** A token unused this long answers 401 `token_expired`; default 90 days. */
  tokenIdleMs?: number;
  /** Per-account fair-use limits; defaults that a real consultant never meets. */
  fairUse?: FairUseLimits;
}

const DEFAULT_TOKEN_IDLE_MS = 90 * 24 * 60 * 60 * 1000;

/** The whole HTTP surface: the API under /api and the built app for everything else. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { store, version, dataDir, staticDir } = deps;
  const fairUse = new FairUse(store, deps.fairUse ?? DEFAULT_FAIR_USE);
  const fullLog = storageFullLog();
  const app = new Hono<AppEnv>();
  app.use('*', securityHeaders(staticDir));
  app.use('*', compress());
  app.use('/api/*', requestId());
  app.use('/api/*', apiBodyLimits());
  app.use('/api/*', proxyHeaderWarning(deps.trustProxy ?? false));
  app.use('/api/*', tokenIdleLimit(deps.tokenIdleMs ?? DEFAULT_TOKEN_IDLE_MS));
  app.use('/api/*', async (c, next) => {
    await next();
    // Replies carry people's data and tokens: no shared or browser cache keeps them.
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });

  app.route('/api', healthRoute(store, version));
  app.route(
    '/api',
    authRoutes({
      store,
      loginLimits: deps.loginLimits ?? DEFAULT_LOGIN_LIMITS,
      trustProxy: deps.trustProxy ?? false,
    }),
  );
  app.route('/api/sync', syncRoutes(store, fairUse));
  const blobBytes = deps.blobBytes ?? blobBytesFor(store, dataDir);
  app.route('/api/blobs', blobRoutes(store, blobBytes, fairUse));
  app.route('/api/admin', userRoutes(store));
  app.route('/api/records', recordRoutes(store));

  app.all('/api/*', (c) =>
    c.json<ErrorBody>({ error: 'not_found', message: 'No such API endpoint' }, 404),
  );

  if (staticDir) mountStatic(app, staticDir);

  app.notFound((c) => c.json<ErrorBody>({ error: 'not_found', message: 'Not found' }, 404));
  app.onError((error, c) => {
    // Unset outside /api (the built app): such errors are logged without one.
    const id = c.get('requestId') as string | undefined;
    if (error instanceof ApiError) {
      const body = error.status >= 500 ? { ...error.body(), requestId: id } : error.body();
      return c.json(body, error.status, error.headers);
    }
    if (error instanceof HTTPException) {
      const code = error.status === 413 ? 'too_large' : 'bad_request';
      return c.json<ErrorBody>({ error: code, message: error.message || code }, error.status);
    }
    const where = `${c.req.method} ${c.req.path}${id ? ` (request ${id})` : ''}`;
    if (isStorageFull(error)) {
      fullLog.note(`${where}: ${error.message}`);
      return c.json<ErrorBody>(
        {
          error: 'storage_full',
          message: 'The server cannot store data: its disk is full',
          requestId: id,
        },
        503,
      );
    }
    console.error(`Request failed: ${where}`, error);
    return c.json<ErrorBody>(
      { error: 'internal', message: 'Internal server error', requestId: id },
      500,
    );
  });
  return app;
}
