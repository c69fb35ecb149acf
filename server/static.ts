import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Env, Hono } from 'hono';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Serves the built app. Files under /assets/ carry a content hash in their name and are
 * cached for a year; everything else (index.html, sw.js, manifest, icons) is revalidated
 * on every load, so a new version is noticed at once. Unknown paths without an extension
 * are app routes: they get index.html.
 */
/** Whether any part of the (decoded) path starts with a dot: `.build-stamp`, `.git/…`. */
function namesDotfile(requestPath: string): boolean {
  let decoded = requestPath;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return true; // not a path any file of the app has
  }
  return decoded.split(/[/\\]/).some((part) => part.startsWith('.'));
}

export function mountStatic<E extends Env>(app: Hono<E>, staticDir: string): void {
  const root = path.relative(process.cwd(), staticDir) || '.';
  const cacheHeaders = (filePath: string, c: Context<E>) => {
    const rel = path.relative(staticDir, path.resolve(filePath)).split(path.sep).join('/');
    c.header('Cache-Control', rel.startsWith('assets/') ? IMMUTABLE : REVALIDATE);
  };
  // Build stamps and other dotfiles are nobody's business; no app route starts with a dot.
  app.use('*', async (c, next) => (namesDotfile(c.req.path) ? c.notFound() : next()));
  app.use('*', serveStatic({ root, onFound: cacheHeaders }));
  app.get('*', async (c, next) => {
    if (path.posix.extname(c.req.path) !== '') return next();
    return serveStatic({ root, path: 'index.html', onFound: cacheHeaders })(c, next);
  });
}
