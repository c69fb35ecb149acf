/**
 * Several server processes on one database: SQLite processes sharing one data directory
 * (SEDP_WORKERS on one machine), and PostgreSQL (when SEDP_TEST_DATABASE_URL is set).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { makeTempDir, removeDir } from './helpers.ts';
import { root } from './server-process.ts';

const NODE_FLAGS = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'];

/** Runs `script` (an ES module) in a new Node process; resolves with its exit code and output. */
function runScript(script: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, '--input-type=module', '-e', script], {
      cwd: root,
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('SQLite with several processes', () => {
  it('lets processes opening one new data directory at the same moment all migrate it', async () => {
    const dir = makeTempDir();
    onTestFinished(() => removeDir(dir));
    const dataDir = path.join(dir, 'data');
    // Every process spins until the same instant, then opens the store: without a busy
    // timeout set first, and the version read again under the write lock, most of them
    // fail ("database is locked", "table meta already exists").
    const startAt = Date.now() + 2_000;
    const storeModule = JSON.stringify(path.join(root, 'server/store/sqlite-store.ts'));
    const script = `
      const { openSqliteStore } = await import(${storeModule});
      while (Date.now() < ${startAt}) {}
      const store = openSqliteStore(${JSON.stringify(dataDir)});
      console.log('version', await store.schemaVersion());
      await store.close();`;
    const runs = await Promise.all(Array.from({ length: 5 }, () => runScript(script)));
    for (const run of runs) {
      expect(run.output).toMatch(/version \d+/);
      expect(run.code).toBe(0);
    }
  }, 60_000);
});
