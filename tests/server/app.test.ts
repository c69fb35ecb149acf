import { createHash } from 'node:crypto';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import { MIGRATIONS } from '../../server/store/migrations.ts';
import {
  freshServer,
  makeFakeBuild,
  makeTempDir,
  removeDir,
  startTestServer,
  type TestServer,
} from './helpers.ts';

let dir: string;
let server: TestServer;

beforeAll(async () => {
  dir = makeTempDir();
  server = await startTestServer({ dataDir: `${dir}/data`, staticDir: makeFakeBuild(dir) });
});

afterAll(async () => {
  await server.close();
  removeDir(dir);
});

describe('HTTP surface', () => {
  it('answers health with the database checked', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      version: '0.0.0-test',
      engine: 'sqlite',
      schemaVersion: MIGRATIONS.length,
      hasUsers: false,
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('says in health when the first account exists', async () => {
    const own = await freshServer(onTestFinished);
    await createAccount(own.store, {
      username: 'first-admin',
      role: 'admin',
      password: 'a long enough secret',
    });
    const response = await fetch(`${own.url}/api/health`);
    expect(await response.json()).toMatchObject({ hasUsers: true });
  });

  it('caches hashed assets for a year and revalidates the shell', async () => {
    const asset = await fetch(`${server.url}/assets/index-AbC123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);

    for (const file of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
      const response = await fetch(`${server.url}${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('cache-control'), file).toBe('no-cache');
    }
  });

  it('serves index.html for app routes, 404 for missing files and unknown API paths', async () => {
    const route = await fetch(`${server.url}/hearings?lng=ky`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>SEDP Field</title>');
    expect(route.headers.get('cache-control')).toBe('no-cache');

    expect((await fetch(`${server.url}/assets/missing-123.js`)).status).toBe(404);

    const api = await fetch(`${server.url}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: 'not_found' });
  });

  it('serves no dotfiles, however the name is written', async () => {
    const dist = path.join(dir, 'dist');
    writeFileSync(path.join(dist, '.build-stamp'), 'secret build details');
    mkdirSync(path.join(dist, '.git'), { recursive: true });
    writeFileSync(path.join(dist, '.git', 'config'), '[core]');
    for (const address of [
      '/.build-stamp',
      '/%2Ebuild-stamp',
      '/.git/config',
      '/assets/../.build-stamp',
    ]) {
      const reply = await fetch(`${server.url}${address}`);
      expect(reply.status, address).toBe(404);
      expect(await reply.text(), address).not.toContain('secret');
    }
    expect((await fetch(`${server.url}/sw.js`)).status).toBe(200);
  });

  it("allows the built page's own inline script and stylesheet by hash, and nothing else", async () => {
    const own = makeTempDir();
    onTestFinished(() => removeDir(own));
    const dist = makeFakeBuild(own);
    const script = 'document.documentElement.lang="ky";';
    const style = 'body{margin:0}';
    writeFileSync(
      path.join(dist, 'index.html'),
      `<!doctype html><style>${style}</style><script type="module" src="/a.js"></script><script>${script}</script>`,
    );
    const app = await startTestServer({ dataDir: `${own}/data`, staticDir: dist });
    onTestFinished(() => app.close());
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const csp = async () =>
      (await fetch(`${app.url}/`)).headers.get('content-security-policy') ?? '';
    expect(await csp()).toContain(`script-src 'self' ${hash(script)};`);
    expect(await csp()).toContain(`style-src 'self' ${hash(style)};`);

    // A new build brings its own script: the header follows index.html.
    const next = 'document.documentElement.lang="en";';
    writeFileSync(path.join(dist, 'index.html'), `<!doctype html><script>${next}</script>`);
    utimesSync(path.join(dist, 'index.html'), new Date(), new Date(Date.now() + 5_000));
    expect(await csp()).toContain(`script-src 'self' ${hash(next)};`);
    expect(await csp()).not.toContain(hash(script));
  });

  it('sends security headers on every response', async () => {
    for (const pathname of ['/', '/api/health', '/api/nothing-here']) {
      const response = await fetch(`${server.url}${pathname}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, pathname).toContain("script-src 'self'");
      expect(csp, pathname).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('compresses large responses with gzip', async () => {
    const response = await fetch(`${server.url}/assets/index-AbC123.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toBe('console.log(1);'.repeat(200));
  });
});
