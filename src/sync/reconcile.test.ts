import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SyncedRev } from '../db/database.ts';
import type { StoredOutboxEntry } from '../domain/outbox-entry.ts';
import type { SyncedRecord } from '../domain/record.ts';
import type { MutationResult, MutationStatus, ServerRecord } from '../domain/sync-protocol.ts';
import {
  chooseBatch,
  conflictingIds,
  pullCandidates,
  pullIncoming,
  refusalOf,
  settleResults,
  takesNext,
} from './reconcile.ts';

const IDS = ['a', 'b', 'c', 'd', 'e', 'f'];

const record = (id: string, rev: number, title = id): SyncedRecord => ({
  id,
  type: 'lessons-note',
  rev,
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'x',
  deleted: false,
  schemaVersion: 1,
  body: { title },
});

const entry = (seq: number, id: string, title = `${id}${seq}`): StoredOutboxEntry => ({
  seq,
  mutationId: `m${seq}`,
  type: 'lessons-note',
  id,
  op: 'put',
  baseRev: 0,
  body: { title },
  hash: 'h',
  createdAt: '2026-01-01T00:00:00.000Z',
  attempts: 1,
  lastError: null,
  state: 'pending',
});

/** An outbox: entries in creation order (seq), a batch of at most one per record, the rest queued. */
const outbox = fc.array(fc.constantFrom(...IDS), { maxLength: 20 }).chain((ids) => {
  const entries = ids.map((id, i) => entry(i + 1, id));
  return fc.subarray(entries).map((picked) => {
    const seen = new Set<string>();
    const batch = picked.filter((e) => !seen.has(e.id) && seen.add(e.id));
    const inBatch = new Set(batch.map((e) => e.seq));
    return { batch, queued: entries.filter((e) => !inBatch.has(e.seq)) };
  });
});

const status = fc.constantFrom<MutationStatus | 'none'>(
  'applied',
  'duplicate',
  'conflict',
  'rejected',
  'none',
);

/** The server's answers: one per entry or none, in any order, with strays of other ids. */
const answered = outbox.chain(({ batch, queued }) =>
  fc
    .record({
      statuses: fc.array(status, { minLength: batch.length, maxLength: batch.length }),
      revs: fc.array(fc.integer({ min: 1, max: 50 }), {
        minLength: batch.length,
        maxLength: batch.length,
      }),
      withCurrent: fc.array(fc.boolean(), { minLength: batch.length, maxLength: batch.length }),
      withLocal: fc.subarray(IDS),
      strays: fc.array(status, { maxLength: 3 }),
    })
    .chain((facts) => {
      const results: MutationResult[] = batch.flatMap((e, i): MutationResult[] => {
        const s = facts.statuses[i] ?? 'none';
        const rev = facts.revs[i] ?? 1;
        if (s === 'none') return [];
        if (s === 'conflict') {
          return [
            facts.withCurrent[i]
              ? { mutationId: e.mutationId, status: s, current: record(e.id, rev, 'theirs') }
              : { mutationId: e.mutationId, status: s },
          ];
        }
        if (s === 'rejected') {
          return [
            {
              mutationId: e.mutationId,
              status: s,
              error: { code: 'invalid', message: 'bad', path: ['title'] },
            },
          ];
        }
        return [{ mutationId: e.mutationId, status: s, rev }];
      });
      const strays = facts.strays.flatMap((s, i): MutationResult[] =>
        s === 'none' ? [] : [{ mutationId: `stray${i}`, status: s, rev: 1 }],
      );
      return fc
        .shuffledSubarray([...results, ...strays], {
          minLength: results.length + strays.length,
        })
        .map((shuffled) => ({
          batch,
          queued,
          results: shuffled,
          locals: new Map(facts.withLocal.map((id) => [id, record(id, 3, 'mine')] as const)),
        }));
    }),
);

const resultOf = (results: readonly MutationResult[], e: StoredOutboxEntry) =>
  results.find((r) => r.mutationId === e.mutationId);

describe('reconcile: settling what the server answered', () => {
  it('no entry of the batch leaves unless it was applied, a duplicate, or a conflict', () => {
    fc.assert(
      fc.property(answered, (input) => {
        const { remove, kept } = settleResults({ ...input, detectedAt: 't' });
        const removed = new Set(remove);
        for (const e of input.batch) {
          const status = resultOf(input.results, e)?.status;
          // Every entry of the batch either leaves or stays, never both.
          expect(removed.has(e.seq)).toBe(!kept.has(e.seq));
          if (removed.has(e.seq)) expect(['applied', 'duplicate', 'conflict']).toContain(status);
          if (status === undefined) expect(kept.get(e.seq)).toEqual({});
          if (status === 'rejected') expect(kept.get(e.seq)?.state).toBe('parked');
        }
      }),
    );
  });

  it('a later edit leaves only with a conflict of its record; after `applied` it builds on the new revision', () => {
    fc.assert(
      fc.property(answered, (input) => {
        const { remove, rebase, revs } = settleResults({ ...input, detectedAt: 't' });
        const removed = new Set(remove);
        const rebased = new Map(rebase.map((r) => [r.key, r.changes.baseRev]));
        for (const later of input.queued) {
          const sent = input.batch.find((e) => e.id === later.id && e.seq < later.seq);
          const status = sent && resultOf(input.results, sent)?.status;
          expect(removed.has(later.seq)).toBe(status === 'conflict');
          const settled = status === 'applied' || status === 'duplicate';
          expect(rebased.has(later.seq)).toBe(settled);
          if (settled) expect(rebased.get(later.seq)).toBe(revs.get(later.id));
        }
      }),
    );
  });

  it('keeps the local version beside the server one for each conflict, and counts every answer', () => {
    fc.assert(
      fc.property(answered, (input) => {
        const { conflicts, summary, revs } = settleResults({ ...input, detectedAt: 't' });
        const statuses = input.batch.map((e) => resultOf(input.results, e)?.status);
        const count = (...of: (MutationStatus | undefined)[]) =>
          statuses.filter((s) => of.includes(s)).length;
        expect(summary).toEqual({
          applied: count('applied', 'duplicate'),
          conflicts: count('conflict'),
          parked: count('rejected'),
        });
        expect(revs.size).toBe(summary.applied);
        for (const conflict of conflicts) {
          expect(conflict.local).toBe(input.locals.get(conflict.id));
          expect(conflict.remote.body.title).toBe('theirs');
        }
        const expected = input.batch.filter((e) => {
          const r = resultOf(input.results, e);
          return r?.status === 'conflict' && r.current && input.locals.has(e.id);
        });
        expect(conflicts.map((c) => c.mutationId)).toEqual(expected.map((e) => e.mutationId));
        expect(conflictingIds(input.batch, input.results)).toEqual(
          input.batch
            .filter((e) => resultOf(input.results, e)?.status === 'conflict')
            .map((e) => e.id),
        );
      }),
    );
  });

  it('decides the same way every time', () => {
    fc.assert(
      fc.property(answered, (input) => {
        expect(settleResults({ ...input, detectedAt: 't' })).toEqual(
          settleResults({ ...input, detectedAt: 't' }),
        );
      }),
    );
  });

  it('says why the server refused a change, with the field it named', () => {
    expect(
      refusalOf({
        mutationId: 'm',
        status: 'rejected',
        error: { code: 'invalid', message: 'Required', path: ['attendees', 0, 'name'] },
      }),
    ).toEqual({
      lastError: 'invalid: Required (attendees.0.name)',
      refusal: { code: 'invalid', path: ['attendees', 0, 'name'] },
    });
    expect(refusalOf({ mutationId: 'm', status: 'rejected' })).toEqual({
      lastError: 'rejected',
      refusal: { code: 'rejected' },
    });
  });

  it('takes the next batch only when the batch is settled and the server answered some of it', () => {
    expect(takesNext({ applied: 1, conflicts: 0, parked: 0 }, 0)).toBe(true);
    expect(takesNext({ applied: 0, conflicts: 0, parked: 1 }, 0)).toBe(true);
    expect(takesNext({ applied: 1, conflicts: 0, parked: 0 }, 2)).toBe(false);
    expect(takesNext({ applied: 0, conflicts: 0, parked: 0 }, 0)).toBe(false);
  });
});

describe('reconcile: choosing the next batch', () => {
  const pending = fc.array(
    fc.record({ id: fc.constantFrom(...IDS), size: fc.integer({ min: 0, max: 400 }) }),
    { maxLength: 30 },
  );

  it('one change per record, in creation order, within the count and the bytes, never empty', () => {
    fc.assert(
      fc.property(
        pending,
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.boolean(),
        (items, max, maxBytes, more) => {
          const entries = items.map((item, i) => ({
            ...entry(i + 1, item.id),
            body: { t: 'x'.repeat(item.size) },
          }));
          const { batch, complete } = chooseBatch(entries, max, maxBytes, more);
          expect(batch.length).toBeLessThanOrEqual(max);
          expect(new Set(batch.map((e) => e.id)).size).toBe(batch.length);
          const seqs = batch.map((e) => e.seq);
          expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
          // A record's first pending change goes before any later one.
          for (const e of batch) expect(entries.find((x) => x.id === e.id)).toBe(e);
          if (entries.length > 0) expect(batch.length).toBeGreaterThan(0);
          const bytes = batch.reduce((sum, e) => sum + JSON.stringify(e.body).length * 2, 0);
          if (batch.length > 1) expect(bytes).toBeLessThanOrEqual(maxBytes);
          if (!more) expect(complete).toBe(true);
        },
      ),
    );
  });
});

describe('reconcile: pulled records', () => {
  const page = fc
    .record({
      ids: fc.subarray(IDS),
      busy: fc.subarray(IDS),
      revs: fc.array(fc.integer({ min: 1, max: 9 }), {
        minLength: IDS.length,
        maxLength: IDS.length,
      }),
      localRevs: fc.array(fc.option(fc.integer({ min: 0, max: 9 })), {
        minLength: IDS.length,
        maxLength: IDS.length,
      }),
      sideRevs: fc.array(fc.option(fc.integer({ min: 1, max: 9 })), {
        minLength: IDS.length,
        maxLength: IDS.length,
      }),
    })
    .map(({ ids, busy, revs, localRevs, sideRevs }) => {
      const at = (id: string) => IDS.indexOf(id);
      const changes: ServerRecord[] = ids.map((id) => record(id, revs[at(id)] ?? 1, 'server'));
      const local = (id: string) => {
        const rev = localRevs[at(id)];
        return rev === null || rev === undefined ? undefined : record(id, rev, 'local');
      };
      const side = (id: string): SyncedRev | undefined => {
        const rev = sideRevs[at(id)];
        // A side row exists only beside its record.
        return rev === null || rev === undefined || !local(id) ? undefined : { id, rev };
      };
      return { changes, busy: new Set(busy), local, side };
    });

  it('never overwrites a record with local changes, nor with a version the device already has', () => {
    fc.assert(
      fc.property(page, ({ changes, busy, local, side }) => {
        const sides = changes.map((c) => side(c.id));
        const candidates = pullCandidates(changes, busy, sides);
        const { incoming, folded } = pullIncoming(
          candidates,
          candidates.map((c) => local(c.id)),
          candidates.map((c) => side(c.id)),
        );
        for (const change of changes) {
          const own = local(change.id);
          const has = own ? Math.max(own.rev, side(change.id)?.rev ?? 0) : 0;
          const stored = incoming.includes(change);
          expect(stored).toBe(!busy.has(change.id) && has < change.rev);
          expect(folded.includes(change.id)).toBe(stored && side(change.id) !== undefined);
          // Its own push coming back (the side row has its revision) reads no local record.
          if ((side(change.id)?.rev ?? 0) >= change.rev) {
            expect(candidates).not.toContain(change);
          }
        }
      }),
    );
  });
});
