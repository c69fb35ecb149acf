/**
 * Many pushes, sign-ins and uploads at once against one SQLite store, while devices pull.
 *
 * With node:sqlite a push only awaits resolved promises, so on its own it would never let
 * another request in while its transaction is open. The store here is wrapped so that
 * every statement of a push first yields to the event loop (as a networked engine's
 * would): other requests really arrive while a transaction is open, and some batches
 * fail half-way (after revisions were appended) and roll back.
 */
import { createHash, randomBytes } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Store, SyncTransaction } from '../../server/store/store.ts';
import {
  client,
  freshServer,
  mutation,
  note,
  PASSWORD,
  push,
  SEEDED,
  signedInUser,
  territoryId,
} from './helpers.ts';

const NOOKEN = territoryId('nooken');
/** A body with this title makes its batch fail after earlier changes were written. */
const BOOM = 'boom';

const PUSHERS = 4;
const BATCHES = 5;
const BATCH_SIZE = 20;
/** Batches (by index) that fail half-way, for every pusher. */
const FAILING = new Set([1, 3]);

interface Watch {
  /** Push transactions open right now. */
  open: number;
  /** Store calls made by other requests while a push transaction was open. */
  overlapping: number;
}

/** Every statement of a push yields first; its putRecord throws for a BOOM body. */
function slowTransactions(store: Store, watch: Watch): Store {
  const slow = (tx: SyncTransaction): SyncTransaction => {
    const later =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        await nextTurn();
        return fn(...args);
      };
    return {
      findMutation: later(tx.findMutation),
      recordHead: later(tx.recordHead),
      existingIds: later(tx.existingIds),
      record: later(tx.record),
      appendRevision: later(tx.appendRevision),
      putRecord: later(async (input) => {
        if (input.bodyJson.includes(`"${BOOM}"`)) throw new Error('boom: the batch fails');
        await tx.putRecord(input);
      }),
      saveMutation: later(tx.saveMutation),
      trimConflicts: later(tx.trimConflicts),
      takeAllowance: later(tx.takeAllowance),
    };
  };
  const noted =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      if (watch.open > 0) watch.overlapping += 1;
      return fn(...args);
    };
  return {
    ...store,
    pull: noted(store.pull),
    userForToken: noted(store.userForToken),
    reserveLoginAttempt: noted(store.reserveLoginAttempt),
    saveToken: noted(store.saveToken),
    saveBlobInfo: noted(store.saveBlobInfo),
    takeAllowance: noted(store.takeAllowance),
    syncTransaction: (fn) => {
      if (watch.open > 0) watch.overlapping += 1;
      return store.syncTransaction(async (tx) => {
        watch.open += 1;
        try {
          return await fn(slow(tx));
        } finally {
          watch.open -= 1;
        }
      });
    },
  };
}

describe('one SQLite store under parallel requests', () => {
  it('keeps every push batch whole, and never lets a pull see what is rolled back', async () => {
    const watch: Watch = { open: 0, overlapping: 0 };
    const server = await freshServer(onTestFinished, {
      wrapStore: (store) => slowTransactions(store, watch),
      fairUse: { pushesPerMinute: 10_000, uploadsPerMinute: 10_000 },
    });
    const errors: unknown[][] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => {
      errors.push(args);
    });
    onTestFinished(() => spy.mockRestore());

    const admin = await signedInUser(server, 'admin');
    const pushers = await Promise.all(
      Array.from({ length: PUSHERS }, () => signedInUser(server, 'consultant', [NOOKEN])),
    );
    const batches = await Promise.all(
      pushers.flatMap((pusher, p) =>
        Array.from({ length: BATCHES }, async (_, b) => {
          const fails = FAILING.has(b);
          const mutations = await Promise.all(
            Array.from({ length: BATCH_SIZE }, (_, i) =>
              mutation({
                body: note(NOOKEN, fails && i === BATCH_SIZE / 2 ? BOOM : `p${p} b${b} #${i}`),
              }),
            ),
          );
          return { pusher, fails, mutations };
        }),
      ),
    );

    const statuses: { what: string; status: number }[] = [];
    let pushing = true;

    // Devices pulling in small pages the whole time; each keeps what it was given.
    const puller = async () => {
      const seen = new Map<string, number>();
      let cursor = SEEDED;
      for (;;) {
        const stillPushing = pushing;
        const page = await admin.api.get(`/api/sync/pull?since=${cursor}&limit=7`);
        statuses.push({ what: 'pull', status: page.status });
        if (page.status !== 200) return seen;
        for (const change of page.body.changes as { id: string; rev: number }[]) {
          seen.set(change.id, change.rev);
        }
        cursor = page.body.cursor;
        // Drained after the last push answered: nothing more can come.
        if (!stillPushing && !page.body.hasMore) return seen;
      }
    };
    const pulls = Array.from({ length: 3 }, () => puller());

    const pushes = pushers.map(async (pusher) => {
      await Promise.all(
        batches
          .filter((batch) => batch.pusher === pusher)
          .map(async (batch) => {
            const reply = await push(pusher.api, batch.mutations, `device-${pusher.user.id}`);
            statuses.push({ what: batch.fails ? 'failing push' : 'push', status: reply.status });
          }),
      );
    });
    const signIns = pushers.map(async (pusher) => {
      for (let i = 0; i < 2; i += 1) {
        const reply = await client(server.url).post('/api/auth/login', {
          username: pusher.user.username,
          password: PASSWORD,
        });
        statuses.push({ what: 'login', status: reply.status });
      }
    });
    const uploads = Array.from({ length: 12 }, async (_, i) => {
      const bytes = randomBytes(2_000 + i);
      const name = createHash('sha256').update(bytes).digest('hex');
      const uploader = pushers[i % PUSHERS] ?? admin;
      const response = await fetch(`${server.url}/api/blobs/${name}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${uploader.token}`, 'content-type': 'image/jpeg' },
        body: bytes,
      });
      statuses.push({ what: 'upload', status: response.status });
      return name;
    });

    await Promise.all([...pushes, ...signIns]);
    const uploaded = await Promise.all(uploads);
    pushing = false;
    const seenByPullers = await Promise.all(pulls);

    // The test did what it says: requests arrived while push transactions were open.
    expect(watch.overlapping).toBeGreaterThan(0);

    // Only the failing batches failed; no 5xx otherwise, and no nested-transaction error.
    const failing = batches.filter((batch) => batch.fails).length;
    expect(statuses.filter((s) => s.what === 'failing push').map((s) => s.status)).toEqual(
      Array(failing).fill(500),
    );
    const others = statuses.filter((s) => s.what !== 'failing push');
    expect(others.filter((s) => s.status >= 300)).toEqual([]);
    expect(others.filter((s) => s.what === 'push')).toHaveLength(batches.length - failing);
    expect(errors).toHaveLength(failing);
    for (const args of errors) expect(args.map(String).join(' ')).toContain('boom');

    // Each batch whole or not at all.
    const stored = new Map<string, number>();
    for (const batch of batches) {
      const histories = await Promise.all(batch.mutations.map((m) => server.store.history(m.id)));
      if (batch.fails) {
        expect(histories.every((h) => h.length === 0)).toBe(true);
      } else {
        for (const [i, h] of histories.entries()) {
          expect(h).toHaveLength(1);
          stored.set(batch.mutations[i]?.id ?? '', h[0]?.rev ?? 0);
        }
      }
    }
    // Every puller got exactly what was committed, at the revision it was committed at: it
    // never saw a revision that was rolled back, and its cursor never passed over a record.
    for (const seen of seenByPullers) expect(seen).toEqual(stored);

    // The other writes stuck too.
    for (const name of uploaded) expect(await server.store.blobInfo(name)).toBeDefined();
  }, 60_000);
});
