import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { OutboxEntry, SyncedRecord } from '../domain/record.ts';
import type { ReferenceItem } from '../domain/reference-list.ts';
import type { Territory } from '../domain/territory.ts';
import { appDb, prefs } from './app-db.ts';
import type { Conflict } from './database.ts';
import type { RecordSyncState } from './list-index.ts';

/** This device's id, made on first use (a write, so not inside a live query). */
export function useDeviceId(): string | undefined {
  const [id, setId] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    prefs.deviceId().then(
      (value) => {
        if (!cancelled) setId(value);
      },
      (error: unknown) => console.error(error),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return id;
}

export interface OutboxSummary {
  pending: number;
  parked: OutboxEntry[];
}

export function useOutboxSummary(): OutboxSummary | undefined {
  // Counted by index: the queue may hold thousands of changes while this screen is open.
  return useLiveQuery(async () => {
    const [pending, parked] = await Promise.all([
      appDb.outbox.where('state').equals('pending').count(),
      appDb.outbox.where('state').equals('parked').sortBy('seq'),
    ]);
    return { pending, parked };
  }, []);
}

/** Attachments the server refused, with its reason (their bytes stay on the device). */
export function useRefusedBlobs(): { sha256: string; size: number; refusal: string }[] | undefined {
  return useLiveQuery(async () => {
    const refused = await appDb.blobs.where('uploaded').equals(2).toArray();
    return refused.map(({ sha256, size, refusal }) => ({ sha256, size, refusal: refusal ?? '' }));
  }, []);
}

export function useConflicts(): Conflict[] | undefined {
  return useLiveQuery(() => appDb.conflicts.toArray(), []);
}

export type { RecordSyncState } from './list-index.ts';

export interface RecordWithState<Body extends Record<string, unknown>> {
  record: SyncedRecord<Body>;
  state: RecordSyncState;
}

/** Live records of a type, newest first, each with where it stands in sync. */
export function useRecordsWithState<Body extends Record<string, unknown>>(
  type: string,
): RecordWithState<Body>[] | undefined {
  return useLiveQuery(async () => {
    const [rows, outbox, conflicts] = await Promise.all([
      appDb.records.where('type').equals(type).toArray(),
      appDb.outbox.toArray(),
      appDb.conflicts.where('type').equals(type).primaryKeys(),
    ]);
    const conflicted = new Set(conflicts);
    const queued = new Map<string, OutboxEntry['state']>();
    for (const entry of outbox) {
      if (queued.get(entry.id) !== 'parked') queued.set(entry.id, entry.state);
    }
    return rows
      .filter((r) => !r.deleted)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .map((record) => {
        let state: RecordSyncState = 'synced';
        if (conflicted.has(record.id)) state = 'conflict';
        else if (queued.get(record.id) === 'parked') state = 'parked';
        else if (queued.has(record.id)) state = 'pending';
        return { record: record as SyncedRecord<Body>, state };
      });
  }, [type]);
}

/** Every territory on this device (reference data, a few hundred records), live. */
export function useTerritories(): SyncedRecord<Territory>[] | undefined {
  return useRecordsOfType<Territory>('territory');
}

/** Live, not deleted records of one type (small reference lists). */
export function useRecordsOfType<Body extends Record<string, unknown>>(
  type: string,
): SyncedRecord<Body>[] | undefined {
  return useLiveQuery(
    async () =>
      (await appDb.records.where('type').equals(type).toArray()).filter(
        (r) => !r.deleted,
      ) as SyncedRecord<Body>[],
    [type],
  );
}

/** The reference lists (participant groups, positions, training modules) on this device. */
export function useReferenceItems(): ReferenceItem[] | undefined {
  const items = useRecordsOfType<ReferenceItem>('reference-item');
  return useMemo(() => items?.map((record) => record.body), [items]);
}

/** Where one record stands in sync (undefined while loading or when it is not on the device). */
export function useRecordSyncState(id: string): RecordSyncState | undefined {
  return useLiveQuery(async () => {
    const [record, entries, conflict] = await Promise.all([
      appDb.records.get(id),
      appDb.outbox.where('id').equals(id).toArray(),
      appDb.conflicts.get(id),
    ]);
    if (!record) return undefined;
    if (conflict) return 'conflict';
    if (entries.some((e) => e.state === 'parked')) return 'parked';
    return entries.length > 0 ? 'pending' : 'synced';
  }, [id]);
}

/** One live record (undefined while loading, null when absent or deleted). */
export function useRecord<Body extends Record<string, unknown>>(
  id: string,
): SyncedRecord<Body> | null | undefined {
  return useLiveQuery(
    async () => {
      const found = await appDb.records.get(id);
      return found && !found.deleted ? (found as SyncedRecord<Body>) : null;
    },
    [id],
    undefined,
  );
}
