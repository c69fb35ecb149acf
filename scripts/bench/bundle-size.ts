/** Size of the production build: JavaScript the first route needs (gzip) and the whole precache. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export interface BundleFigures {
  firstRouteJsGzip: number;
  firstRouteFiles: number;
  /** A new device's first screen: the entry, the sign-in route and its strings. */
  signInJsGzip: number;
  signInFiles: number;
  /** Whether the sign-in screen pulls in the device store (Dexie): it should not. */
  signInLoadsDexie: boolean;
  precacheBytes: number;
  /** What the first visit downloads: the server gzips text (hono/compress); fonts and images go as they are. */
  precacheTransferBytes: number;
  precacheEntries: number;
}

const gzipSize = (file: string) => gzipSync(readFileSync(file)).length;

/**
 * First route = the entry chunk, the Home route's chunk, the default language's
 * `common` and `home` strings, and everything they import statically.
 */
export function measureBundle(distDir: string, language = 'ru'): BundleFigures {
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('manifest has no entry');
  /** The JavaScript files `roots` and everything they import statically come to. */
  const jsOf = (roots: string[]) => {
    const wanted = new Set<string>();
    const visit = (key: string) => {
      if (wanted.has(key)) return;
      const chunk = manifest[key];
      if (!chunk) throw new Error(`manifest has no ${key}`);
      wanted.add(key);
      for (const dep of chunk.imports ?? []) visit(dep);
    };
    for (const key of roots) visit(key);
    return [...wanted]
      .map((key) => path.join(distDir, (manifest[key] as ManifestChunk).file))
      .filter((file) => file.endsWith('.js'));
  };
  const js = jsOf([
    entry,
    'src/features/home/route.tsx',
    `locales/${language}/common.json`,
    `locales/${language}/home.json`,
  ]);
  const signIn = jsOf([
    entry,
    'src/features/account/route.tsx',
    `locales/${language}/common.json`,
    `locales/${language}/account.json`,
  ]);

  const sw = readFileSync(path.join(distDir, 'sw.js'), 'utf8');
  const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1] as string);
  const precacheBytes = precached.reduce(
    (sum, url) => sum + readFileSync(path.join(distDir, url)).length,
    0,
  );
  const transfer = (url: string) => {
    const file = path.join(distDir, url);
    return /\.(js|css|html|json|svg|webmanifest)$/.test(url)
      ? gzipSize(file)
      : readFileSync(file).length;
  };
  const precacheTransferBytes = precached.reduce((sum, url) => sum + transfer(url), 0);
  return {
    firstRouteJsGzip: js.reduce((sum, file) => sum + gzipSize(file), 0),
    firstRouteFiles: js.length,
    signInJsGzip: signIn.reduce((sum, file) => sum + gzipSize(file), 0),
    signInFiles: signIn.length,
    signInLoadsDexie: signIn.some((file) => readFileSync(file, 'utf8').includes('Dexie')),
    precacheBytes,
    precacheTransferBytes,
    precacheEntries: precached.length,
  };
}
