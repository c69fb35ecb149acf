/** One process serving the API and the built app, stopped cleanly on SIGINT/SIGTERM. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import type { BlobBytes } from './blobs/blob-bytes.ts';
import { blobBytesFor } from './blobs/blob-bytes-for.ts';
import { removeUnreferencedBlobs } from './blobs/unreferenced-blobs.ts';
import type { ServerConfig } from './env.ts';
import { firstAdminCommand } from './first-admin-hint.ts';
import { seedReferenceData } from './seed/seed-reference-data.ts';
import { describeDatabase, openStore } from './store/open-store.ts';
import type { Store } from './store/store.ts';

function readVersion(): string {
  const pkg = new URL('../package.json', import.meta.url);
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** A chunked upload untouched this long is abandoned; a device coming back later starts over. */
const STALE_PARTIAL_UPLOAD_MS = 7 * 24 * 60 * 60 * 1000;

export async function startServer(config: ServerConfig) {
  const database = describeDatabase(config.database, config.dataDir);
  let store: Store;
  try {
    store = await openStore(config.database, config.dataDir);
  } catch (error) {
    // Unreachable, refused, wrong schema: one clear line rather than a stack trace.
    console.error(`Could not open the database (${database}): ${(error as Error).message}`);
    process.exit(1);
  }
  const seeded = await seedReferenceData(store);
  if (seeded > 0) console.log(`Added ${seeded} reference records (territories, work plan).`);
  const blobBytes = blobBytesFor(store, config.dataDir);
  // The clean-up runs in worker 1 only (a lone server is worker 1): with SEDP_WORKERS the
  // others would only repeat its work.
  if (config.workerIndex === 1) startCleanUp(store, blobBytes, config);
  const hasBuild = existsSync(path.join(config.staticDir, 'index.html'));
  if (!hasBuild) {
    console.warn(`No built app in ${config.staticDir}: serving the API only.`);
  }
  const app = createApp({
    store,
    version: readVersion(),
    dataDir: config.dataDir,
    blobBytes,
    staticDir: hasBuild ? config.staticDir : undefined,
    trustProxy: config.trustProxy,
    tokenIdleMs: config.tokenIdleMs,
    loginLimits: config.loginLimits,
    fairUse: config.fairUse,
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const shownHost = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host;
    console.log(`SEDP Field is running at http://${shownHost}:${info.port}/`);
    console.log(`Data directory: ${config.dataDir}`);
    console.log(`Database: ${database}`);
    void store.countUsers().then(
      (users) => {
        if (users > 0 || config.workerIndex !== 1) return;
        console.log('There is no account yet. Create the first admin (it asks for a password):');
        // The URL may hold a password: it is named, not printed.
        const command = firstAdminCommand(config.dataDir);
        console.log(
          config.database.engine === 'sqlite'
            ? `  ${command}`
            : `  ${command}   (with this server's DATABASE_URL${config.database.schema ? ' and SEDP_DB_SCHEMA' : ''} set)`,
        );
      },
      (error: unknown) => console.warn('Could not count the accounts:', error),
    );
  });
  const stop = () => {
    server.close(() => {
      // The store closes after any push transaction still open has finished.
      void store.close().finally(() => process.exit(0));
    });
    // Idle keep-alive connections would hold close() open.
    setTimeout(() => process.exit(0), 3000).unref();
  };
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Port ${config.port} is already in use: stop the other program or set PORT.`
        : `The server could not start: ${error.message}`,
    );
    process.exit(1);
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}

/** Removes abandoned chunked uploads (once) and blobs no record names (daily). */
function startCleanUp(store: Store, blobBytes: BlobBytes, config: ServerConfig) {
  void blobBytes.removeStalePartials(STALE_PARTIAL_UPLOAD_MS).then(
    (removed) => {
      if (removed > 0) console.log(`Removed ${removed} unfinished uploads older than 7 days.`);
    },
    (error: unknown) => console.warn('Could not clear old unfinished uploads:', error),
  );
  const clearUnreferenced = () =>
    removeUnreferencedBlobs(store, blobBytes, config.fairUse.unreferencedBlobMaxAgeMs).then(
      (removed) =>
        console.log(`Removed ${removed} attachments no record names, older than allowed.`),
      (error: unknown) => console.warn('Could not remove unreferenced attachments:', error),
    );
  void clearUnreferenced();
  setInterval(() => void clearUnreferenced(), 24 * 60 * 60 * 1000).unref();
}
