/**
 * The Store contract, run against both engines: the embedded SQLite store (always) and the
 * PostgreSQL store (when SEDP_TEST_DATABASE_URL names a server; required in CI). Every
 * contract test opens its own empty database: a new SQLite file, or a new PostgreSQL schema
 * (sedp_test_<random>, dropped at the end). What only one engine has (SQLite's one-connection
 * queue; PostgreSQL's several processes on one database) is in its own block at the end.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import { DEFAULT_LOGIN_LIMITS } from '../../server/auth/login-throttle.ts';
import { seedReferenceData } from '../../server/seed/seed-reference-data.ts';
import { MIGRATIONS } from '../../server/store/migrations.ts';
import { POSTGRES_MIGRATIONS } from '../../server/store/postgres/migrations.ts';
import { openPostgresStore } from '../../server/store/postgres/postgres-store.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import {
  type RevisionInput,
  type Store,
  type SyncTransaction,
  UsernameTakenError,
} from '../../server/store/store.ts';
import { applyPush } from '../../server/sync/apply-push.ts';
import {
  fakeClock,
  makeTempDir,
  mutation,
  note,
  PASSWORD,
  removeDir,
  SEEDED,
  territoryId,
} from './helpers.ts';
import { POSTGRES_NOT_RUN, testDatabaseUrl, testSchemas } from './postgres-test-database.ts';

// One line in the test output, so a local run never passes for both engines unnoticed.
if (!testDatabaseUrl) console.warn(POSTGRES_NOT_RUN);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Clock = ReturnType<typeof fakeClock>;

interface Engine {
  name: Store['engine'];
  /** A new empty database with a store open on it (and a clock it reads), gone after the test. */
  fresh(): Promise<{ store: Store; clock: Clock; reopen(): Promise<Store> }>;
}

const sqlite: Engine = {
  name: 'sqlite',
  async fresh() {
    const dir = makeTempDir();
    const clock = fakeClock();
    const opened: Store[] = [];
    const open = async () => {
      const store = openSqliteStore(dir, { now: clock.now });
      opened.push(store);
      return store;
    };
    onTestFinished(async () => {
      for (const store of opened) await store.close();
      removeDir(dir);
    });
    return { store: await open(), clock, reopen: open };
  },
};

const schemas = testSchemas(testDatabaseUrl ?? 'postgres://unused');
afterAll(async () => {
  if (testDatabaseUrl) await schemas.end();
});

/** Stores opened on PostgreSQL, closed after each test (their schemas dropped after the file). */
async function openPostgres(schema: string, clock: Clock, poolSize?: number): Promise<Store> {
  const store = await openPostgresStore(testDatabaseUrl ?? '', {
    schema,
    now: clock.now,
    poolSize,
  });
  onTestFinished(() => store.close());
  return store;
}

const postgres: Engine = {
  name: 'postgres',
  async fresh() {
    const schema = await schemas.create();
    const clock = fakeClock();
    const open = () => openPostgres(schema, clock, 4);
    return { store: await open(), clock, reopen: open };
  },
};

const version = (
  recordId: string,
  type: string,
  districtId: string | null,
  body: Record<string, unknown>,
  deleted = false,
) => ({
  recordId,
  type,
  bodyJson: JSON.stringify(body),
  deleted,
  updatedAt: '2025-01-01T00:00:00.000Z',
  updatedBy: 'seed',
  schemaVersion: 1,
  districtId,
});

const history = (kind: RevisionInput['kind']) => ({
  kind,
  mutationId: uuidv7(),
  userId: 'u',
  deviceId: 'd',
});

/** Stores a version as an applied revision and the current record. */
async function put(
  tx: SyncTransaction,
  input: ReturnType<typeof version>,
  blobs?: readonly string[],
): Promise<number> {
  const rev = await tx.appendRevision({ ...input, ...history('applied') });
  await tx.putRecord({ ...input, rev, blobs });
  return rev;
}

async function seed(
  target: Store,
  type: string,
  districtId: string | null,
  body: Record<string, unknown>,
  options: { deleted?: boolean; blobs?: readonly string[] } = {},
): Promise<string> {
  const id = uuidv7();
  await target.syncTransaction((tx) =>
    put(tx, version(id, type, districtId, body, options.deleted), options.blobs),
  );
  return id;
}

const newUser = (username: string, districtIds: string[] = []) => ({
  username,
  displayName: username,
  role: 'consultant' as const,
  passwordHash: 'hash',
  districtIds,
});

const engines = [
  { engine: sqlite, title: 'SQLite store', run: true },
  {
    engine: postgres,
    title: testDatabaseUrl ? 'PostgreSQL store' : `PostgreSQL store (${POSTGRES_NOT_RUN})`,
    run: testDatabaseUrl !== undefined,
  },
];

describe.each(engines)('$title', ({ engine, run }) => {
  // describe.skipIf inside each: the skipped engine still shows by name in the report.
  describe.skipIf(!run)('contract', () => {
    it('says which engine it is', async () => {
      const { store } = await engine.fresh();
      expect(store.engine).toBe(engine.name);
    });

    it('migrates a new database to the latest schema, and reopens it as it was', async () => {
      const { store, reopen } = await engine.fresh();
      expect(await store.schemaVersion()).toBe(MIGRATIONS.length);
      const id = await seed(store, 'lessons-note', 'district-a', { title: 'kept' });
      await store.ping();
      await store.checkWritable();
      await store.close();
      const again = await reopen();
      expect(await again.schemaVersion()).toBe(MIGRATIONS.length);
      expect((await again.pull(0, 10, { all: true })).map((record) => record.id)).toEqual([id]);
    });

    it('seeds reference data once: a second start adds nothing', async () => {
      const { store } = await engine.fresh();
      expect(await seedReferenceData(store)).toBe(SEEDED);
      expect(await seedReferenceData(store)).toBe(0);
      expect(await store.pull(0, SEEDED + 10, { all: true })).toHaveLength(SEEDED);
    });

    it('keeps users, their districts and tokens, with usernames unique ignoring case', async () => {
      const { store } = await engine.fresh();
      const user = await store.createUser(newUser('aigul', ['district-b', 'district-a']));
      expect(user.districtIds).toEqual(['district-a', 'district-b']);
      await expect(store.createUser(newUser('AIGUL'))).rejects.toBeInstanceOf(UsernameTakenError);
      expect((await store.findUserByUsername('Aigul'))?.id).toBe(user.id);
      expect(await store.passwordHash(user.id)).toBe('hash');

      // Created at once, one name gets one account.
      const racing = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) => store.createUser(newUser(i % 2 ? 'Bakyt' : 'bakyt'))),
      );
      expect(racing.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const refused = racing.filter((result) => result.status === 'rejected');
      for (const result of refused) expect(result.reason).toBeInstanceOf(UsernameTakenError);
      expect((await store.listUsers()).map((account) => account.username)).toEqual([
        'aigul',
        expect.stringMatching(/^bakyt$/i),
      ]);
      expect(await store.countUsers()).toBe(2);

      await store.saveToken('token-1', user.id);
      expect(await store.userForToken('token-1')).toMatchObject({ id: user.id });
      expect((await store.setDistricts(user.id, ['district-c']))?.districtIds).toEqual([
        'district-c',
      ]);
      // The same role keeps the token; a new one revokes it.
      await store.setRole(user.id, 'consultant');
      expect(await store.userForToken('token-1')).toMatchObject({ id: user.id });
      expect((await store.setRole(user.id, 'coordinator'))?.role).toBe('coordinator');
      expect(await store.userForToken('token-1')).toBeUndefined();

      await store.saveToken('token-2', user.id);
      await store.setPasswordHash(user.id, 'hash-2');
      expect(await store.userForToken('token-2')).toBeUndefined();
      expect(await store.passwordHash(user.id)).toBe('hash-2');

      await store.saveToken('token-3', user.id);
      expect(await store.tokenOfDisabledAccount('token-3')).toBe(false);
      expect((await store.setDisabled(user.id, true))?.disabled).toBe(true);
      expect(await store.userForToken('token-3')).toBeUndefined();
      expect(await store.tokenOfDisabledAccount('token-3')).toBe(true);
      await store.setDisabled(user.id, false);

      await store.saveToken('token-4', user.id);
      await store.revokeToken('token-4');
      expect(await store.userForToken('token-4')).toBeUndefined();
      expect(await store.setRole('no-such-user', 'admin')).toBeUndefined();
    });

    it('expires idle tokens, and writes last use at most hourly', async () => {
      const { store, clock } = await engine.fresh();
      const user = await store.createUser(newUser('cholpon'));
      const minutes = (n: number) => n * 60_000;
      const idleSince = () => new Date(clock.now().getTime() - minutes(120));
      await store.saveToken('idle-a', user.id);
      await store.saveToken('idle-b', user.id);

      clock.advance(minutes(50));
      // Used within the hour of its last write: nothing is written.
      expect(await store.userForToken('idle-a', idleSince())).toMatchObject({ id: user.id });
      clock.advance(minutes(20));
      // Seventy minutes after its last write: its use is written now.
      expect(await store.userForToken('idle-b', idleSince())).toMatchObject({ id: user.id });
      clock.advance(minutes(60));
      // a's use at 50 minutes was not written, so it was last written 130 minutes ago; b 60.
      expect(await store.userForToken('idle-a', idleSince())).toBe('expired');
      expect(await store.userForToken('idle-b', idleSince())).toMatchObject({ id: user.id });
    });

    it('stores a push transaction whole, and nothing of one that throws', async () => {
      const { store } = await engine.fresh();
      const id = uuidv7();
      const mutationId = uuidv7();
      const rev = await store.syncTransaction(async (tx) => {
        expect(await tx.recordHead(id)).toBeUndefined();
        const input = version(id, 'lessons-note', 'district-a', { title: 'first' });
        const first = await tx.appendRevision({ ...input, ...history('applied'), mutationId });
        await tx.putRecord({ ...input, rev: first });
        await tx.saveMutation({
          mutationId,
          hash: 'h',
          userId: 'u',
          resultJson: JSON.stringify({ status: 'applied', rev: first }),
          deviceId: 'd',
          createdAt: '2025-01-01T00:00:00.000Z',
        });
        return first;
      });
      await store.syncTransaction(async (tx) => {
        expect(await tx.findMutation(mutationId)).toEqual({
          hash: 'h',
          userId: 'u',
          resultJson: JSON.stringify({ status: 'applied', rev }),
        });
        expect(await tx.recordHead(id)).toEqual({
          type: 'lessons-note',
          rev,
          districtId: 'district-a',
        });
        expect(await tx.existingIds([id, 'missing'])).toEqual(new Set([id]));
        expect((await tx.record(id))?.bodyJson).toBe('{"title":"first"}');
      });

      const lost = uuidv7();
      const lostMutation = uuidv7();
      await expect(
        store.syncTransaction(async (tx) => {
          const input = version(lost, 'lessons-note', 'district-a', { title: 'lost' });
          const next = await tx.appendRevision({ ...input, ...history('applied') });
          expect(next).toBeGreaterThan(rev);
          await tx.putRecord({ ...input, rev: next });
          await tx.saveMutation({
            mutationId: lostMutation,
            hash: 'h',
            userId: 'u',
            resultJson: '{}',
            deviceId: 'd',
            createdAt: '2025-01-01T00:00:00.000Z',
          });
          throw new Error('disk on fire');
        }),
      ).rejects.toThrow('disk on fire');
      expect(await store.history(lost)).toEqual([]);
      expect(await store.pull(rev, 10, { all: true })).toEqual([]);
      await store.syncTransaction(async (tx) => {
        expect(await tx.findMutation(lostMutation)).toBeUndefined();
      });
      // And the store still takes writes.
      const after = await seed(store, 'lessons-note', 'district-a', { title: 'after' });
      expect((await store.pull(rev, 10, { all: true })).map((record) => record.id)).toEqual([
        after,
      ]);
    });

    it('keeps the body of every version in the history, however the record moved on', async () => {
      const { store } = await engine.fresh();
      const id = uuidv7();
      const bodies = (await store.history(id)).map((revision) => revision.body);
      expect(bodies).toEqual([]);
      const write = (tx: SyncTransaction, title: string) =>
        put(tx, version(id, 'lessons-note', 'district-a', { title }));
      await store.syncTransaction((tx) => write(tx, 'one'));
      // Moved on in a later transaction, twice in one, and with a read in between (which
      // writes what is held so far before it reads).
      await store.syncTransaction((tx) => write(tx, 'two'));
      await store.syncTransaction(async (tx) => {
        await write(tx, 'three');
        await write(tx, 'four');
      });
      await store.syncTransaction(async (tx) => {
        await write(tx, 'five');
        expect((await tx.record(id))?.bodyJson).toBe('{"title":"five"}');
        expect(await tx.existingIds([id])).toEqual(new Set([id]));
        await write(tx, 'six');
      });
      // A conflict version beside it, and the record written again from what it read.
      await store.syncTransaction(async (tx) => {
        await tx.appendRevision({
          ...version(id, 'lessons-note', 'district-a', { title: 'theirs' }),
          ...history('conflict'),
        });
      });
      await store.syncTransaction(async (tx) => {
        expect((await tx.recordHead(id))?.rev).toBeGreaterThan(0);
        await write(tx, 'seven');
      });
      const titles = (await store.history(id)).map((revision) => revision.body.title);
      expect(titles).toEqual(['one', 'two', 'three', 'four', 'five', 'six', 'theirs', 'seven']);
      const [current] = await store.pull(0, 10, { all: true });
      expect(current?.bodyJson).toBe('{"title":"seven"}');
      // A record written without being read first (reference data seeding).
      await seedReferenceData(store);
      await seedReferenceData(store);
      const [territory] = await store.recordsOfType('territory');
      const seeded = await store.history(territory?.id ?? '');
      expect(seeded.length).toBeGreaterThan(0);
      expect(JSON.stringify(seeded.at(-1)?.body)).toBe(territory?.bodyJson);
    });

    it('never loses an update when transactions write one record at once', async () => {
      const { store } = await engine.fresh();
      const id = uuidv7();
      // Twelve read-modify-writes, several on a record that does not exist yet: the row lock
      // and the re-run after a write race leave every increment in.
      await Promise.all(
        Array.from({ length: 12 }, () =>
          store.syncTransaction(async (tx) => {
            const head = await tx.recordHead(id);
            const current = head && (await tx.record(id));
            const n = current ? (JSON.parse(current.bodyJson) as { n: number }).n : 0;
            await sleep(Math.random() * 3);
            await put(tx, version(id, 'lessons-note', 'district-a', { n: n + 1 }));
          }),
        ),
      );
      const [record] = await store
        .recordsOfType('lessons-note')
        .then((all) => all.filter((candidate) => candidate.id === id));
      expect(JSON.parse(record?.bodyJson ?? '{}')).toEqual({ n: 12 });
      expect(await store.history(id)).toHaveLength(12);
    });

    it('keeps conflict versions, trimmed to the newest few; applied ones always stay', async () => {
      const { store } = await engine.fresh();
      const id = uuidv7();
      await store.syncTransaction(async (tx) => {
        await put(tx, version(id, 'lessons-note', 'district-a', { title: 'applied' }));
        for (let i = 1; i <= 5; i += 1) {
          await tx.appendRevision({
            ...version(id, 'lessons-note', 'district-a', { title: `conflict ${i}` }),
            ...history('conflict'),
          });
        }
        await tx.trimConflicts(id, 2);
      });
      const kept = await store.history(id);
      expect(kept.map((revision) => [revision.kind, revision.body.title])).toEqual([
        ['applied', 'applied'],
        ['conflict', 'conflict 4'],
        ['conflict', 'conflict 5'],
      ]);
      expect(kept[0]).toMatchObject({ recordId: id, userId: 'u', deviceId: 'd', deleted: false });
    });

    it('pulls reference types and the given districts for a limited scope, tombstones included', async () => {
      const { store } = await engine.fresh();
      const reference = await seed(store, 'territory', null, { title: 'Reference' });
      const mine = await seed(store, 'lessons-note', 'district-a', { title: 'Mine' });
      await seed(store, 'lessons-note', 'district-b', { title: 'Not mine' });
      await seed(store, 'lessons-note', null, { title: 'No district' });
      const gone = await seed(
        store,
        'lessons-note',
        'district-a',
        { title: 'Gone' },
        { deleted: true },
      );
      // A reference record that is also in the district comes once.
      const both = await seed(store, 'territory', 'district-a', { title: 'Both' });
      const scope = {
        all: false as const,
        referenceTypes: ['territory'],
        districtIds: ['district-a'],
      };

      const scoped = await store.pull(0, 10, scope);
      expect(scoped.map((record) => record.id)).toEqual([reference, mine, gone, both]);
      expect(scoped[2]?.deleted).toBe(true);
      expect(await store.pull(0, 10, { all: true })).toHaveLength(6);
      // Paged by cursor, in rev order, at any depth.
      const firstPage = await store.pull(0, 2, scope);
      const cursor = firstPage.at(-1)?.rev ?? 0;
      expect((await store.pull(cursor, 2, scope)).map((record) => record.id)).toEqual([gone, both]);
      expect(await store.pull(0, 10, { all: false, referenceTypes: [], districtIds: [] })).toEqual(
        [],
      );
      // Counted as pulled: each record once, tombstones included, from any cursor.
      expect(await store.countPull(0, scope)).toBe(4);
      expect(await store.countPull(cursor, scope)).toBe(2);
      expect(await store.countPull(0, { all: true })).toBe(6);
      expect(await store.countPull(cursor, { all: true })).toBe(
        (await store.pull(cursor, 10, { all: true })).length,
      );
      expect((await store.recordsOfType('territory')).map((record) => record.id)).toEqual([
        reference,
        both,
      ]);
    });

    it('keeps blob metadata, uploaders and which records name a blob, and who may read it', async () => {
      const { store, clock } = await engine.fresh();
      const sha = (c: string) => c.repeat(64);
      await store.saveBlobInfo({ sha256: sha('a'), size: 10, mime: 'image/jpeg', createdBy: 'u1' });
      clock.advance(1000);
      await store.saveBlobInfo({ sha256: sha('a'), size: 99, mime: 'text/plain', createdBy: 'u2' });
      await store.saveBlobInfo({ sha256: sha('b'), size: 5, mime: 'image/jpeg', createdBy: 'u1' });
      // The first upload's row is kept.
      expect(await store.blobInfo(sha('a'))).toEqual({
        sha256: sha('a'),
        size: 10,
        mime: 'image/jpeg',
      });
      expect(await store.blobInfo(sha('c'))).toBeUndefined();
      const uploaded = await store.blobsUploadedBy('u1', '2000-01-01T00:00:00.000Z');
      expect(uploaded.map((blob) => blob.sha256)).toEqual([sha('a'), sha('b')]);
      expect(await store.blobsUploadedBy('u2', '2000-01-01T00:00:00.000Z')).toEqual([]);
      expect(await store.blobsStoredBefore(clock.now().toISOString())).toEqual([sha('a')]);

      const note = await seed(
        store,
        'lessons-note',
        'district-x',
        { photo: sha('a') },
        {
          blobs: [sha('a')],
        },
      );
      expect(await store.isBlobReferenced(sha('a'))).toBe(true);
      expect(await store.isBlobReferenced(sha('b'))).toBe(false);
      const inX = { all: false as const, referenceTypes: [], districtIds: ['district-x'] };
      const inY = { all: false as const, referenceTypes: [], districtIds: ['district-y'] };
      expect(await store.canReadBlob(sha('a'), 'someone', inX)).toBe(true);
      expect(await store.canReadBlob(sha('a'), 'someone', inY)).toBe(false);
      // Its uploaders may read it whatever their scope, a later uploader too.
      expect(await store.canReadBlob(sha('a'), 'u2', inY)).toBe(true);
      expect(await store.canReadBlob(sha('b'), 'someone', { all: true })).toBe(true);

      expect(await store.deleteBlobUnlessReferenced(sha('a'))).toBe(false);
      expect(await store.deleteBlobUnlessReferenced(sha('b'))).toBe(true);
      expect(await store.blobInfo(sha('b'))).toBeUndefined();
      // A new version without the photo no longer names it; the old version still does.
      await store.syncTransaction(async (tx) => {
        const head = await tx.recordHead(note);
        expect(head).toBeDefined();
        await put(tx, version(note, 'lessons-note', 'district-x', { photo: null }), []);
      });
      expect(await store.isBlobReferenced(sha('a'))).toBe(false);
      expect(await store.deleteBlobUnlessReferenced(sha('a'))).toBe(false);
    });

    it('reserves exactly the free sign-in attempts when fifty come at once', async () => {
      const { store } = await engine.fresh();
      const keys = [{ key: `account:${uuidv7()}`, free: 5 }];
      const results = await Promise.all(
        Array.from({ length: 50 }, () => store.reserveLoginAttempt(keys, DEFAULT_LOGIN_LIMITS)),
      );
      const reserved = results.filter((result) => result.reserved);
      expect(reserved).toHaveLength(5);
      for (const result of results) {
        if (!result.reserved) expect(result.retryAfterMs).toBeGreaterThan(0);
      }
      // A success takes its reservation back, and the next attempt has room again.
      const [one] = reserved;
      const user = await store.createUser(newUser('dinara'));
      await store.loginSucceeded({
        release: one?.reserved ? one.ids : [],
        clear: [],
        device: { userId: user.id, deviceHash: 'device-1' },
      });
      expect((await store.reserveLoginAttempt(keys, DEFAULT_LOGIN_LIMITS)).reserved).toBe(true);
      expect(await store.isKnownDevice(user.id, 'device-1')).toBe(true);
      expect(await store.isKnownDevice(user.id, 'device-2')).toBe(false);
      await store.loginSucceeded({ release: [], clear: [keys[0]?.key ?? ''] });
      expect((await store.reserveLoginAttempt(keys, DEFAULT_LOGIN_LIMITS)).reserved).toBe(true);
    });

    it('counts fair use per window, all checks or none, under concurrency and in a push', async () => {
      const { store, clock } = await engine.fresh();
      const user = uuidv7();
      const hour = 60 * 60_000;
      const checks = [
        { kind: 'push', windowMs: hour, max: 5, amount: 1 },
        { kind: 'bytes', windowMs: hour, max: 1000, amount: 100 },
      ];
      const results = await Promise.all(
        Array.from({ length: 20 }, () => store.takeAllowance(user, checks)),
      );
      expect(results.filter((result) => result === undefined)).toHaveLength(5);
      expect(results.find((result) => result !== undefined)).toMatchObject({ kind: 'push' });

      // A counter at zero takes one request however large; refused, nothing is counted.
      const big = uuidv7();
      expect(
        await store.takeAllowance(big, [{ kind: 'bytes', windowMs: hour, max: 10, amount: 50 }]),
      ).toBeUndefined();
      expect(
        await store.takeAllowance(big, [{ kind: 'bytes', windowMs: hour, max: 10, amount: 1 }]),
      ).toMatchObject({ kind: 'bytes' });

      // Within a push it is part of the transaction: a push that fails counts nothing.
      const pusher = uuidv7();
      const one = [{ kind: 'push', windowMs: hour, max: 1, amount: 1 }];
      await expect(
        store.syncTransaction(async (tx) => {
          expect(await tx.takeAllowance(pusher, one)).toBeUndefined();
          throw new Error('push failed');
        }),
      ).rejects.toThrow('push failed');
      expect(await store.syncTransaction((tx) => tx.takeAllowance(pusher, one))).toBeUndefined();
      expect(await store.takeAllowance(pusher, one)).toMatchObject({ kind: 'push' });
      // The next window starts afresh.
      clock.advance(hour);
      expect(await store.takeAllowance(pusher, one)).toBeUndefined();
    });
  });
});

describe('SQLite store only: one connection, one queue', () => {
  it('runs nothing inside an open push transaction: reads and writes wait for it', async () => {
    const { store } = await sqlite.fresh();
    const user = await store.createUser({
      username: 'aigul',
      displayName: 'A',
      role: 'consultant',
      passwordHash: 'x',
      districtIds: [],
    });
    const appended = deferred();
    const gate = deferred();
    const push = store.syncTransaction(async (tx) => {
      await tx.appendRevision({
        recordId: uuidv7(),
        type: 'lessons-note',
        bodyJson: '{}',
        deleted: false,
        updatedAt: '2025-01-01T00:00:00.000Z',
        updatedBy: 'x',
        schemaVersion: 1,
        districtId: null,
        kind: 'applied',
        mutationId: uuidv7(),
        userId: 'u',
        deviceId: 'd',
      });
      appended.resolve();
      await gate.promise;
      throw new Error('rolled back');
    });
    await appended.promise;

    // Asked for while the push is open (and awaiting): a read, a plain write, a second push.
    const done: string[] = [];
    const pulled = store.pull(0, 10, { all: true }).finally(() => done.push('pull'));
    const token = store.saveToken('token-hash', user.id).finally(() => done.push('token'));
    const second = seed(store, 'lessons-note', null, { title: 'Second' }).finally(() =>
      done.push('second'),
    );
    await nextTurn();
    await nextTurn();
    expect(done).toEqual([]);

    gate.resolve();
    await expect(push).rejects.toThrow('rolled back');
    // The pull never saw the revision that was rolled back; the token did not go with it.
    expect(await pulled).toEqual([]);
    await token;
    const secondId = await second;
    expect(done).toEqual(['pull', 'token', 'second']);
    expect(await store.userForToken('token-hash')).toMatchObject({ id: user.id });
    expect((await store.pull(0, 10, { all: true })).map((r) => r.id)).toEqual([secondId]);
  });

  it('refuses a store call from inside a push transaction rather than wait for itself', async () => {
    const { store } = await sqlite.fresh();
    await expect(
      store.syncTransaction(async () => {
        await store.countUsers();
      }),
    ).rejects.toThrow(/inside syncTransaction/);
    expect(await store.countUsers()).toBe(0);
  });

  it('refuses a SyncTransaction used after its transaction ended', async () => {
    const { store } = await sqlite.fresh();
    const kept = await store.syncTransaction(async (tx) => tx);
    await expect(kept.findMutation(uuidv7())).rejects.toThrow(/ended/);
  });
});

describe.skipIf(!testDatabaseUrl)(
  'PostgreSQL store only: several processes on one database',
  () => {
    const clock = fakeClock();
    const open = (schema: string, poolSize?: number) => openPostgres(schema, clock, poolSize);
    const admin = schemas.admin;

    it('migrates an empty schema once when two processes open it together, and again is a no-op', async () => {
      const schema = await schemas.create();
      const [a, b] = await Promise.all([open(schema, 2), open(schema, 2)]);
      expect(POSTGRES_MIGRATIONS).toHaveLength(MIGRATIONS.length);
      expect(await a.schemaVersion()).toBe(MIGRATIONS.length);
      expect(await b.schemaVersion()).toBe(MIGRATIONS.length);
      const again = await open(schema, 1);
      expect(await again.schemaVersion()).toBe(MIGRATIONS.length);
      const applied = await admin.query<{ version: number }>(
        `SELECT version FROM ${schema}.schema_migrations ORDER BY version`,
      );
      expect(applied.rows.map((row) => row.version)).toEqual(
        MIGRATIONS.map((_, index) => index + 1),
      );
      // Both work: what one writes the other reads.
      const id = await seed(a, 'lessons-note', 'district-a', { title: 'from a' });
      const [seen] = await b.pull(0, 10, { all: true });
      expect(seen?.id).toBe(id);
      await a.ping();
      await b.checkWritable();
      // The write check keeps nothing.
      const left = await admin.query(`SELECT to_regclass('${schema}.write_check') AS t`);
      expect(left.rows[0]?.t).toBeNull();
    });

    it('seeds once when two processes start on a new database together', async () => {
      const schema = await schemas.create();
      const [a, b] = await Promise.all([open(schema, 2), open(schema, 2)]);
      const added = await Promise.all([seedReferenceData(a), seedReferenceData(b)]);
      expect(added.reduce((sum, n) => sum + n, 0)).toBe(SEEDED);
      const all = await a.pull(0, SEEDED + 10, { all: true });
      expect(all.map((record) => record.rev)).toEqual(all.map((_, index) => index + 1));
      expect(await b.history(all[0]?.id ?? '')).toHaveLength(1);
    });

    it('counts a push apart: two pushes of one account run side by side up to the revision lock', async () => {
      const schema = await schemas.create();
      const store = await open(schema, 4);
      await seedReferenceData(store);
      const nooken = territoryId('nooken');
      const user = await createAccount(store, {
        username: 'two-phones',
        role: 'consultant',
        password: PASSWORD,
        districtIds: [nooken],
      });
      // The first push's transaction stops before its first read until released.
      const held = deferred();
      let transactions = 0;
      const gated: Store = {
        ...store,
        syncTransaction: (fn) =>
          store.syncTransaction((tx) => {
            transactions += 1;
            if (transactions > 1) return fn(tx);
            return fn({
              ...tx,
              prefetch: async (mutationIds, recordIds) => {
                await held.promise;
                await tx.prefetch?.(mutationIds, recordIds);
              },
            });
          }),
      };
      const context = {
        user,
        deviceId: 'phone',
        schemaVersion: 1,
        takeAllowance: async (counter: Pick<SyncTransaction, 'takeAllowance'>) => {
          const refused = await counter.takeAllowance(user.id, [
            { kind: 'push', windowMs: 60_000, max: 100, amount: 1 },
          ]);
          if (refused) throw new Error('refused');
        },
      };
      const first = applyPush(gated, context, [await mutation({ body: note(nooken, 'first') })]);
      while (transactions === 0) await nextTurn();
      // Counted in a transaction of its own, the first push holds no lock of the account's
      // while it waits: the second is stored meanwhile (counted inside the push's
      // transaction, it would wait for the first to commit, and this would never end).
      const second = await applyPush(gated, { ...context, deviceId: 'tablet' }, [
        await mutation({ body: note(nooken, 'second') }),
      ]);
      expect(second.map((result) => result.status)).toEqual(['applied']);
      held.resolve();
      expect((await first).map((result) => result.status)).toEqual(['applied']);
      // Both counted.
      const full = await store.takeAllowance(user.id, [
        { kind: 'push', windowMs: 60_000, max: 2, amount: 1 },
      ]);
      expect(full).toMatchObject({ kind: 'push' });
    });

    it('never lets a pull cursor skip a revision, with many writers in several processes', async () => {
      const schema = await schemas.create();
      // Three server processes (three pools) of eight writers each, and a device pulling.
      const writers = await Promise.all([open(schema, 8), open(schema, 8), open(schema, 8)]);
      const reader = await open(schema, 1);
      const committed: number[] = [];
      let writing = true;

      async function writer(target: Store) {
        for (let i = 0; i < 12; i += 1) {
          const revs = await target.syncTransaction(async (tx) => {
            const written: number[] = [];
            const count = 1 + Math.floor(Math.random() * 3);
            for (let j = 0; j < count; j += 1) {
              written.push(
                await put(tx, version(uuidv7(), 'lessons-note', 'district-a', { i, j })),
              );
            }
            // Commits a little later, as a batch of real changes would.
            await sleep(Math.random() * 4);
            return written;
          });
          committed.push(...revs);
        }
      }

      const seen: number[] = [];
      async function pullLoop() {
        let cursor = 0;
        for (;;) {
          const done = !writing;
          const page = await reader.pull(cursor, 7, { all: true });
          for (const record of page) seen.push(record.rev);
          cursor = page.at(-1)?.rev ?? cursor;
          if (page.length === 0) await sleep(1);
          // Once the writers have finished, drain to the end and stop.
          if (done && page.length === 0) return;
        }
      }

      const pulling = pullLoop();
      await Promise.all(
        writers.flatMap((target) => Array.from({ length: 8 }, () => writer(target))),
      );
      writing = false;
      await pulling;

      expect(committed.length).toBeGreaterThanOrEqual(24 * 12);
      // Every revision exactly once, in order: none skipped, none twice.
      expect(seen).toEqual([...committed].sort((a, b) => a - b));
    });
  },
);

/** A promise resolved from outside. */
function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
