/**
 * First visit in Lighthouse (performance only): the production build served by the real
 * server (gzip, one account on it, so `/` leads a new device to the sign-in screen), a fresh
 * Chromium profile for every run. Two settings: Lighthouse's default mobile throttling
 * (simulated slow 4G and 4x CPU slowdown) and the same network with CPU slowdown 1.
 *
 * Lighthouse's simulated figures depend on how busy the machine is; each setting reports the
 * median, min and max of its runs and the 1-minute load average when the runs began. With a
 * second build (`baselineDist`) the runs alternate between the two builds, so both see the
 * same load and the ratio between them means something on a busy machine.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import lighthouse from 'lighthouse';
import { throttling } from 'lighthouse/core/config/constants.js';
import { createApp } from '../../server/app.ts';
import { createAccount } from '../../server/auth/accounts.ts';
import { seedReferenceData } from '../../server/seed/seed-reference-data.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';

export type LighthouseSetting = 'mobile' | 'cpu1';

export interface LighthouseRun {
  build: string;
  setting: LighthouseSetting;
  /** 0..100 */
  performance: number;
  fcpMs: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** 1-minute load average just before the run. */
  load: number;
}

interface Served {
  url: string;
  close: () => Promise<void>;
}

async function serveBuild(distDir: string): Promise<Served> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sedp-bench-lighthouse-'));
  const dataDir = path.join(dir, 'data');
  const store = openSqliteStore(dataDir);
  await seedReferenceData(store);
  await createAccount(store, {
    username: 'bench',
    displayName: 'Bench',
    role: 'consultant',
    password: 'bench-password-1',
    districtIds: [],
  });
  const app = createApp({ store, version: 'bench', dataDir, staticDir: distDir });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts headless Chromium with its own empty profile; resolves with its DevTools port. */
async function launchChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'sedp-bench-chromium-'));
  const child: ChildProcess = spawn(
    process.env.CHROME_PATH || '/usr/bin/chromium',
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-extensions',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) {
        child.stderr?.off('data', onData);
        child.stderr?.resume();
        resolve(Number(match[1]));
      }
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${seen}`)));
  });
  return {
    port,
    stop: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function runOnce(url: string, setting: LighthouseSetting) {
  const chromium = await launchChromium();
  try {
    const result = await lighthouse(
      url,
      { port: chromium.port, logLevel: 'error', output: 'json' },
      {
        extends: 'lighthouse:default',
        settings: {
          onlyCategories: ['performance'],
          ...(setting === 'cpu1'
            ? { throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier: 1 } }
            : {}),
        },
      },
    );
    const lhr = result?.lhr;
    if (!lhr) throw new Error('Lighthouse returned no result');
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      performance: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
      fcpMs: metric('first-contentful-paint'),
      lcpMs: metric('largest-contentful-paint'),
      cls: metric('cumulative-layout-shift'),
      tbtMs: metric('total-blocking-time'),
    };
  } finally {
    await chromium.stop();
  }
}

/**
 * On a loaded machine Lighthouse now and then loses the trace (NO_NAVSTART, NO_FCP): such a
 * run measured nothing and is done again, at most twice, saying so.
 */
async function runWithRetry(url: string, setting: LighthouseSetting) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await runOnce(url, setting);
    } catch (error) {
      if (attempt >= 3) throw error;
      console.error(`${(error as Error).message}: running again`);
    }
  }
}

/**
 * Runs Lighthouse `runs` times per setting on each build, alternating builds and settings
 * run by run. `builds` maps a label to a dist directory.
 */
export async function benchLighthouse(
  builds: Record<string, string>,
  runs = 3,
  settings: LighthouseSetting[] = ['cpu1', 'mobile'],
): Promise<LighthouseRun[]> {
  const served: Record<string, Served> = {};
  try {
    for (const [label, dist] of Object.entries(builds)) served[label] = await serveBuild(dist);
    const out: LighthouseRun[] = [];
    for (let i = 0; i < runs; i += 1) {
      for (const setting of settings) {
        for (const [label, server] of Object.entries(served)) {
          const load = loadavg()[0] ?? Number.NaN;
          out.push({ build: label, setting, load, ...(await runWithRetry(server.url, setting)) });
        }
      }
    }
    return out;
  } finally {
    for (const server of Object.values(served)) await server.close();
  }
}
