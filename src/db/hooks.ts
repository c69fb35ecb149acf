import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { StoredOutboxEntry } from '../domain/outbox-entry.ts';
import type { SyncedRecord } from '../domain/record.ts';
import type { BodyOf, RecordTypeName } from '../domain/record-types.ts';
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
  parked: StoredOutboxEntry[];
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

/**
 * Live records of a type, newest first, each with where it stands in sync. The records and
 * their sync state are watched apart: a sync settling a batch changes the outbox, not the
 * records (their new revisions go to a side table), so only the small key-only state query
 * runs again, not the read of every record of the type.
 */
export function useRecordsWithState<Name extends RecordTypeName>(
  type: Name,
): RecordWithState<BodyOf<Name>>[] | undefined {
  type Body = BodyOf<Name>;
  const rows = useLiveQuery(
    async () =>
      (await appDb.records.where('type').equals(type).toArray())
        .filter((r) => !r.deleted)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) as SyncedRecord<Body>[],
    [type],
  );
  const states = useLiveQuery(async () => {
    const [queued, parked, conflicts] = await Promise.all([
      appDb.outbox.orderBy('id').uniqueKeys(),
      // Set aside by the server: few, and they stay until someone acts on them.
      appDb.outbox.where('state').equals('parked').toArray(),
      appDb.conflicts.where('type').equals(type).primaryKeys(),
    ]);
    return {
      queued: new Set(queued as string[]),
      parked: new Set(parked.map((e) => e.id)),
      conflicted: new Set(conflicts),
    };
  }, [type]);
  // The same list while none of its rows changed (a sync of other records): a screen
  // filtering and sorting thousands of rows does not do it again for nothing.
  const previous = useRef<RecordWithState<Body>[] | undefined>(undefined);
  return useMemo(() => {
    if (!rows || !states) return undefined;
    const next = rows.map((record) => {
      let state: RecordSyncState = 'synced';
      if (states.conflicted.has(record.id)) state = 'conflict';
      else if (states.parked.has(record.id)) state = 'parked';
      else if (states.queued.has(record.id)) state = 'pending';
      return { record, state };
    });
    const last = previous.current;
    const same =
      last?.length === next.length &&
      next.every((row, i) => last[i]?.record === row.record && last[i]?.state === row.state);
    if (same) return last;
    previous.current = next;
    return next;
  }, [rows, states]);
}

/** Every territory on this device (reference data, a few hundred records), live. */
export function useTerritories(): SyncedRecord<Territory>[] | undefined {
  return useRecordsOfType('territory');
}

/** Live, not deleted records of one type (small reference lists). */
export function useRecordsOfType<Name extends RecordTypeName>(
  type: Name,
): SyncedRecord<BodyOf<Name>>[] | undefined {
  return useLiveQuery(
    async () =>
      (await appDb.records.where('type').equals(type).toArray()).filter(
        (r) => !r.deleted,
      ) as SyncedRecord<BodyOf<Name>>[],
    [type],
  );
}

/** The reference lists (participant groups, positions, training modules) on this device. */
export function useReferenceItems(): ReferenceItem[] | undefined {
  const items = useRecordsOfType('reference-item');
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

/** One live record of a type (undefined while loading, null when absent, deleted or of another type). */
export function useRecord<Name extends RecordTypeName>(
  type: Name,
  id: string,
): SyncedRecord<BodyOf<Name>> | null | undefined {
  return useLiveQuery(
    async () => {
      const found = await appDb.records.get(id);
      return found && !found.deleted && found.type === type
        ? (found as SyncedRecord<BodyOf<Name>>)
        : null;
    },
    [type, id],
    undefined,
  );
}

/** One live record whatever its type (a screen that learns the type from the record). */
export function useAnyRecord(id: string): SyncedRecord | null | undefined {
  return useLiveQuery(
    async () => {
      const found = await appDb.records.get(id);
      return found && !found.deleted ? found : null;
    },
    [id],
    undefined,
  );
}
