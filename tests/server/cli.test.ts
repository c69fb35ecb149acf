import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  client,
  makeTempDir,
  mutation,
  push,
  removeDir,
  signedInUser,
  startTestServer,
  type TestServer,
  territoryId,
  uuidv7,
} from './helpers.ts';

const root = path.resolve(import.meta.dirname, '../..');
const NODE_FLAGS = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function users(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(process.execPath, [...NODE_FLAGS, 'server/cli/users.ts', ...args], {
    cwd: root,
    env: { ...process.env, SEDP_PASSWORD: '', ...env, SEDP_DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** A data directory with the server running on it, as in production. */
async function runningServer(): Promise<TestServer> {
  const dir = makeTempDir();
  const server = await startTestServer({ dataDir: path.join(dir, 'data') });
  onTestFinished(async () => {
    await server.close();
    removeDir(dir);
  });
  return server;
}

const signIn = (server: TestServer, username: string, password: string) =>
  client(server.url).post('/api/auth/login', { username, password });

// Each test spawns Node processes: on a busy 2-core machine that takes seconds, not milliseconds.
describe('users CLI', { timeout: 90_000 }, () => {
  it('adds users the running server signs in, and lists them', async () => {
    const server = await runningServer();
    const pass = { SEDP_PASSWORD: 'first admin secret' };

    const admin = await users(
      server.dataDir,
      ['add', 'Admin', '--role', 'admin', '--name', 'Бакыт Асанов'],
      pass,
    );
    const consultant = await users(
      server.dataDir,
      ['add', 'aigul', '--role', 'consultant', '--districts', `nooken, ${territoryId('aksy')}`],
      pass,
    );

    expect(admin).toMatchObject({ code: 0, stdout: 'Created admin (Бакыт Асанов, admin).\n' });
    expect(consultant.code).toBe(0);
    expect(consultant.stdout).toContain('districts aksy, nooken');
    const login = await signIn(server, 'ADMIN', 'first admin secret');
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ role: 'admin', displayName: 'Бакыт Асанов' });
    const aigul = await signIn(server, 'aigul', 'first admin secret');
    expect(aigul.body.user.districtIds).toEqual(
      [territoryId('aksy'), territoryId('nooken')].sort(),
    );

    const list = await users(server.dataDir, ['list']);
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^USERNAME\s+NAME\s+ROLE\s+DISTRICTS\s+STATUS$/);
    expect(lines[1]).toMatch(/^admin\s+Бакыт Асанов\s+admin\s+-\s+active$/);
    expect(lines[2]).toMatch(/^aigul\s+aigul\s+consultant\s+aksy,nooken\s+active$/);
  });

  it('refuses bad input with a clear message and a non-zero exit', async () => {
    const server = await runningServer();
    const pass = { SEDP_PASSWORD: 'long enough secret' };
    await users(server.dataDir, ['add', 'taken', '--role', 'coordinator'], pass);

    const cases: [string[], Record<string, string>, number, RegExp][] = [
      [['add', 'taken', '--role', 'coordinator'], pass, 1, /A user named taken already exists/],
      [['add', 'TAKEN', '--role', 'admin'], pass, 1, /already exists/],
      [['add', 'bolot', '--role', 'mayor'], pass, 2, /Unknown role mayor/],
      [['add', 'bolot'], pass, 2, /--role/],
      [['add', 'bolot', '--role', 'admin'], { SEDP_PASSWORD: 'short' }, 1, /at least 8 characters/],
      [['add', 'bolot', '--role', 'admin'], {}, 2, /No password: set SEDP_PASSWORD/],
      [['add', 'a b', '--role', 'admin'], pass, 1, /A username is/],
      [['add', 'ｔａｋｅｎ', '--role', 'admin'], pass, 1, /A user named taken already exists/],
      [['add', 'tаken', '--role', 'admin'], pass, 1, /Latin or Cyrillic letters, not both/],
      [['passwd', 'nobody'], pass, 1, /There is no user named nobody/],
      [['explode'], {}, 2, /Unknown command explode/],
      [['add', 'bolot', '--role', 'admin', '--colour', 'red'], pass, 2, /Unknown option/],
      [
        ['add', 'bolot', '--role', 'consultant', '--districts', 'nooken,atlantis,chui'],
        pass,
        1,
        /Unknown districts: atlantis, chui .*District codes: ak-suu, aksy, /,
      ],
      [['districts', 'taken', 'atlantis'], {}, 1, /Unknown district: atlantis/],
    ];
    for (const [args, env, code, message] of cases) {
      const run = await users(server.dataDir, args, env);
      expect(run.code, args.join(' ')).toBe(code);
      expect(run.stderr, args.join(' ')).toMatch(message);
    }
    expect((await signIn(server, 'bolot', 'long enough secret')).status).toBe(401);
  });

  it('changes passwords, districts and disables, signing devices out', async () => {
    const server = await runningServer();
    await users(server.dataDir, ['add', 'nurlan', '--role', 'consultant'], {
      SEDP_PASSWORD: 'old password',
    });
    const token = (await signIn(server, 'nurlan', 'old password')).body.token;

    const passwd = await users(server.dataDir, ['passwd', 'nurlan'], {
      SEDP_PASSWORD: 'new password',
    });
    expect(passwd.code).toBe(0);
    expect((await client(server.url, token).get('/api/me')).status).toBe(401);
    expect((await signIn(server, 'nurlan', 'old password')).status).toBe(401);
    const fresh = (await signIn(server, 'nurlan', 'new password')).body.token;

    const districts = await users(server.dataDir, ['districts', 'nurlan', 'toktogul']);
    expect(districts).toMatchObject({ code: 0, stdout: expect.stringContaining('toktogul') });
    expect((await client(server.url, fresh).get('/api/me')).body.districtIds).toEqual([
      territoryId('toktogul'),
    ]);

    const disable = await users(server.dataDir, ['disable', 'nurlan']);
    expect(disable).toMatchObject({ code: 0, stdout: expect.stringContaining('Disabled nurlan') });
    expect((await client(server.url, fresh).get('/api/me')).status).toBe(403); // account_disabled
    expect((await signIn(server, 'nurlan', 'new password')).status).toBe(401);
    expect((await users(server.dataDir, ['list'])).stdout).toMatch(/nurlan.*disabled/);

    expect((await users(server.dataDir, ['enable', 'nurlan'])).code).toBe(0);
    expect((await signIn(server, 'nurlan', 'new password')).status).toBe(200);
  });

  it('takes the code of a district an admin added after the seed', async () => {
    const server = await runningServer();
    const admin = await signedInUser(server, 'admin');
    const id = uuidv7();
    const district = {
      kind: 'district',
      code: 'at-bashy',
      names: { ru: 'Ат-Башинский район', ky: 'Ат-Башы району', en: 'At-Bashy District' },
    };
    await push(admin.api, [await mutation({ type: 'territory', id, body: district })]);

    const added = await users(
      server.dataDir,
      ['add', 'nurlan', '--role', 'consultant', '--districts', 'at-bashy,nooken'],
      { SEDP_PASSWORD: 'long enough secret' },
    );

    expect(added).toMatchObject({ code: 0, stdout: expect.stringContaining('at-bashy, nooken') });
    expect((await server.store.findUserByUsername('nurlan'))?.districtIds).toEqual(
      [id, territoryId('nooken')].sort(),
    );
    expect((await users(server.dataDir, ['list'])).stdout).toMatch(/nurlan.*at-bashy,nooken/);
  });

  it('knows the seeded districts before the server first ran on the data directory', async () => {
    const dir = makeTempDir();
    onTestFinished(() => removeDir(dir));
    const dataDir = path.join(dir, 'data');

    const added = await users(
      dataDir,
      ['add', 'aida', '--role', 'consultant', '--districts', 'nooken'],
      { SEDP_PASSWORD: 'long enough secret' },
    );

    expect(added).toMatchObject({ code: 0, stdout: expect.stringContaining('districts nooken') });
    expect((await users(dataDir, ['list'])).stdout).toMatch(/aida.*nooken/);
  });

  it('is wired as `npm run users`', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.users).toBe(`node ${NODE_FLAGS.join(' ')} server/cli/users.ts`);
  });
});
