/**
 * The server process killed with SIGKILL while push batches are being written, again and
 * again: every batch is stored whole or not at all, and after restarts and retries every
 * change is stored exactly once.
 */
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, mutation, removeDir, territoryId } from './helpers.ts';
import { runServer, runUsersCli, type ServerProcess } from './server-process.ts';

const PASSWORD = 'crash-test-2026';
const BATCHES = 24;
const BATCH_SIZE = 100;
const IN_FLIGHT = 4;

let servers: ServerProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) removeDir(dir);
});

type Mutation = Awaited<ReturnType<typeof mutation>>;
type Outcome = { batch: number; statuses: string[] } | { batch: number; lost: true };

async function start(dataDir: string) {
  const server = runServer({ PORT: '0', HOST: '127.0.0.1', SEDP_DATA_DIR: dataDir });
  servers.push(server);
  const url = await server.url;
  const login = await fetch(`${url}api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'crash', password: PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  return { server, url, token };
}

/** Sends batches a few at a time; a batch whose reply never comes is "lost". */
async function pushAll(
  url: string,
  token: string,
  batches: Mutation[][],
  onReply: () => void = () => {},
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = next;
      next += 1;
      try {
        const reply = await fetch(`${url}api/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ deviceId: 'crash', schemaVersion: 1, mutations: batches[batch] }),
        });
        const body = (await reply.json()) as { results: { status: string }[] };
        outcomes.push({ batch, statuses: body.results.map((r) => r.status) });
        onReply();
      } catch {
        outcomes.push({ batch, lost: true });
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return outcomes;
}

/** How many of each batch's changes the database file holds (read with the server dead). */
function storedPerBatch(dataDir: string, batches: Mutation[][]): number[] {
  const db = new DatabaseSync(path.join(dataDir, 'sedp.sqlite'));
  try {
    const has = db.prepare('SELECT 1 FROM mutations WHERE mutation_id = ?');
    return batches.map((batch) => batch.filter((m) => has.get(m.mutationId)).length);
  } finally {
    db.close();
  }
}

describe('SIGKILL in the middle of pushes', { timeout: 180_000 }, () => {
  it('stores each batch whole or not at all, and every change exactly once', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const dataDir = path.join(dir, 'data');
    runUsersCli(dataDir, ['add', 'crash', '--role', 'coordinator', '--name', 'Crash'], PASSWORD);
    const district = territoryId('nooken');
    const batches: Mutation[][] = [];
    for (let b = 0; b < BATCHES; b += 1) {
      const batch: Mutation[] = [];
      for (let i = 0; i < BATCH_SIZE; i += 1) {
        const body = { districtId: district, title: `Batch ${b} note ${i}`, text: 'x'.repeat(900) };
        batch.push(await mutation({ body }));
      }
      batches.push(batch);
    }

    // Three rounds: push everything, kill the server after a few replies, restart.
    let killedMidway = 0;
    for (let round = 0; round < 3; round += 1) {
      const { server, url, token } = await start(dataDir);
      let replies = 0;
      const killAfter = 2 + round * 3;
      const outcomes = await pushAll(url, token, batches, () => {
        replies += 1;
        if (replies === killAfter) server.child.kill('SIGKILL');
      });
      await server.exited;
      servers = servers.filter((s) => s !== server);

      const stored = storedPerBatch(dataDir, batches);
      for (const [batch, count] of stored.entries()) {
        expect([0, BATCH_SIZE], `batch ${batch} stored ${count} of ${BATCH_SIZE}`).toContain(count);
      }
      for (const outcome of outcomes) {
        if ('statuses' in outcome) {
          // A batch answered is stored whole, each change applied now or before.
          expect(stored[outcome.batch]).toBe(BATCH_SIZE);
          for (const status of outcome.statuses) expect(['applied', 'duplicate']).toContain(status);
        }
      }
      if (outcomes.some((o) => 'lost' in o)) killedMidway += 1;
    }
    expect(killedMidway).toBeGreaterThan(0);

    // A last, undisturbed round: the device retries everything under the same ids.
    const { url, token } = await start(dataDir);
    const last = await pushAll(url, token, batches);
    expect(last.every((o) => 'statuses' in o)).toBe(true);
    const pulled = new Map<string, number>();
    let since = 0;
    for (;;) {
      const page = (await (
        await fetch(`${url}api/sync/pull?since=${since}&limit=500`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { changes: { id: string; type: string }[]; cursor: number; hasMore: boolean };
      for (const change of page.changes) {
        if (change.type === 'lessons-note') pulled.set(change.id, (pulled.get(change.id) ?? 0) + 1);
      }
      since = page.cursor;
      if (!page.hasMore) break;
    }
    const ids = batches.flat().map((m) => m.id);
    expect(pulled.size).toBe(ids.length);
    expect([...pulled.values()].every((n) => n === 1)).toBe(true);
    for (const id of ids) expect(pulled.has(id)).toBe(true);

    // Exactly once in the history as well: one applied revision per change.
    const kill = servers.pop();
    kill?.child.kill('SIGKILL');
    await kill?.exited;
    const db = new DatabaseSync(path.join(dataDir, 'sedp.sqlite'));
    const revisions = db
      .prepare("SELECT COUNT(*) AS n FROM revisions WHERE type = 'lessons-note'")
      .get() as { n: number };
    db.close();
    expect(revisions.n).toBe(ids.length);
  });
});
