/** Starts the real server on a free port with a temporary data directory for the journeys. */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export const E2E_PASSWORD = 'field-test-2026';
/** Accounts the journeys sign in with: two consultants of one district, and an admin. */
export const E2E_USERS = [
  { username: 'aida', name: 'Аида Осмонова', role: 'consultant', districts: 'nooken' },
  { username: 'bakyt', name: 'Бакыт Асанов', role: 'consultant', districts: 'nooken' },
  { username: 'ainura', name: 'Айнура Токтогулова', role: 'consultant', districts: 'aksy' },
  { username: 'admin', name: 'Admin', role: 'admin', districts: '' },
] as const;

export default async function globalSetup() {
  // SEDP_E2E_DIST lets a second build (e.g. `vite build --outDir dist-x`) be tested alongside.
  const dist = path.resolve(root, process.env.SEDP_E2E_DIST ?? 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error('No production build: run `npm run build` before the end-to-end tests.');
  }
  const workDir = mkdtempSync(path.join(tmpdir(), 'sedp-e2e-'));
  const dataDir = path.join(workDir, 'data');
  // A copy of the build, so a journey can publish a "new version" without touching dist/.
  const staticDir = path.join(workDir, 'dist');
  cpSync(dist, staticDir, { recursive: true });
  for (const user of E2E_USERS) {
    const args = ['add', user.username, '--role', user.role, '--name', user.name];
    if (user.districts) args.push('--districts', user.districts);
    const created = spawnSync(
      process.execPath,
      [
        '--experimental-strip-types',
        '--disable-warning=ExperimentalWarning',
        'server/cli/users.ts',
        ...args,
      ],
      {
        cwd: root,
        env: { ...process.env, SEDP_DATA_DIR: dataDir, SEDP_PASSWORD: E2E_PASSWORD },
        encoding: 'utf8',
      },
    );
    if (created.status !== 0) {
      throw new Error(`could not create ${user.username}: ${created.stderr}${created.stdout}`);
    }
  }
  const server = spawn(
    process.execPath,
    ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'server/main.ts'],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        SEDP_DATA_DIR: dataDir,
        SEDP_STATIC_DIR: staticDir,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20_000);
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      const match = /running at (http:\/\/\S+?)\/?\s/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    });
    server.once('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
  // Workers inherit the environment set here.
  process.env.SEDP_E2E_URL = url;
  process.env.SEDP_E2E_DATA_DIR = dataDir;
  process.env.SEDP_E2E_STATIC_DIR = staticDir;

  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(workDir, { recursive: true, force: true });
  };
}
