import { renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { newHearing } from '../domain/hearing.ts';
import { appDb, records, syncStore } from './app-db.ts';
import { useRecordsWithState } from './hooks.ts';

describe('useRecordsWithState', () => {
  beforeEach(async () => {
    await Promise.all(appDb.tables.map((table) => table.clear()));
  });

  it('follows each row through sync, and keeps the same list while a sync settles other records', async () => {
    const place = { districtId: 'nooken', municipalityId: 'kochkor-ata' };
    const body = { ...newHearing(place, new Date(2026, 4, 4, 10)), venue: 'Hall' };
    const hearing = await records.put({ type: 'hearing', body });
    const { result } = renderHook(() => useRecordsWithState('hearing'));
    await waitFor(() => expect(result.current?.map((r) => r.state)).toEqual(['pending']));

    // The hearing goes out and is acknowledged: it shows as synced.
    const [entry] = await syncStore.takeBatch(100);
    await syncStore.applyResults(entry ? [entry] : [], [
      { mutationId: entry?.mutationId ?? '', status: 'applied', rev: 1 },
    ]);
    await waitFor(() => expect(result.current?.map((r) => r.state)).toEqual(['synced']));
    const shown = result.current;

    // Notes queued and settled change the outbox, not the hearings: the list stays the same.
    await records.put({
      type: 'lessons-note',
      body: { districtId: 'nooken', title: 'n', text: '' },
    });
    const notes = await syncStore.takeBatch(100);
    await syncStore.applyResults(
      notes,
      notes.map((n) => ({ mutationId: n.mutationId, status: 'applied' as const, rev: 2 })),
    );
    expect(await appDb.outbox.count()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(result.current).toBe(shown);
    expect(result.current?.[0]?.record.id).toBe(hearing.id);
  });
});
