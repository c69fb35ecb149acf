import { act, renderHook, waitFor } from '@testing-library/react';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TERRITORY_SEED } from '../../server/seed/territory-seed.ts';
import { appDb, drafts, records } from '../db/app-db.ts';
import type { LessonsNote } from '../domain/record-types.ts';
import { draftKeyOf, SLOW_SAVE_MS, useRecordEditor } from './use-record-editor.ts';

const D = 'nooken';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ID = '0190a0a0-0000-7000-8000-000000000001';
const isValid = (note: LessonsNote) => note.title !== 'invalid';

async function openEditor(initial: LessonsNote) {
  await records.put({ type: 'lessons-note', id: ID, body: initial });
  const hook = renderHook(() => useRecordEditor({ type: 'lessons-note', id: ID, isValid }));
  await waitFor(() => expect(hook.result.current.value).toEqual(initial));
  return hook;
}

describe('useRecordEditor', () => {
  beforeEach(async () => {
    await Promise.all(appDb.tables.map((table) => table.clear()));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('writes the last state of slow typing mixed with taps, and says saved', async () => {
    const { result } = await openEditor({ districtId: D, title: 'untitled', text: '' });
    let title = '';
    for (const letter of 'Жаңы') {
      title += letter;
      act(() => result.current.change((n) => ({ ...n, title }), { typing: true }));
      await pause(30 + Math.floor(Math.random() * 50));
      act(() => result.current.change((n) => ({ ...n, text: `${n.text}+` })));
      await pause(Math.floor(Math.random() * 20));
    }
    act(() => result.current.change((n) => ({ ...n, title: `${n.title}!` }), { typing: true }));
    await waitFor(() => expect(result.current.saveState).toBe('saved'), { timeout: 3_000 });
    expect((await records.get('lessons-note', ID))?.body).toEqual({
      districtId: D,
      title: 'Жаңы!',
      text: '++++',
    });
  });

  it('keeps an invalid state as a draft and drops the draft with the valid write', async () => {
    const { result } = await openEditor({ districtId: D, title: 'a', text: '' });
    act(() => result.current.update({ districtId: D, title: 'invalid', text: '1' }));
    await waitFor(() => expect(result.current.saveState).toBe('draft'));
    expect(await drafts.load(draftKeyOf('lessons-note', ID))).toEqual({
      districtId: D,
      title: 'invalid',
      text: '1',
    });
    act(() => result.current.update({ districtId: D, title: 'fixed', text: '1' }));
    await waitFor(() => expect(result.current.saveState).toBe('saved'));
    expect(await drafts.load(draftKeyOf('lessons-note', ID))).toBeUndefined();
    expect((await records.get('lessons-note', ID))?.body.title).toBe('fixed');
  });

  it('keeps as a draft, with the reason, a record naming a place outside its district', async () => {
    const seed = (code: string) => {
      const found = TERRITORY_SEED.find((t) => t.code === code);
      if (!found) throw new Error(code);
      return found;
    };
    for (const code of ['nooken', 'kochkor-ata', 'aksy', 'kerben']) {
      const { id, ...body } = seed(code);
      await records.put({ type: 'territory', id, body });
    }
    const nooken = seed('nooken').id;
    const place = { districtId: nooken, municipalityId: seed('kochkor-ata').id };
    const { result } = await openEditor({ ...place, title: 'a', text: '' });
    await waitFor(() => expect(result.current.territoryProblems).toEqual([]));

    act(() =>
      result.current.update({ ...place, municipalityId: seed('kerben').id, title: 'b', text: '' }),
    );
    await waitFor(() => expect(result.current.saveState).toBe('draft'));
    expect(result.current.territoryProblems).toMatchObject([
      { path: ['municipalityId'], reason: 'outside' },
    ]);
    expect((await records.get('lessons-note', ID))?.body.title).toBe('a');

    act(() => result.current.update({ ...place, municipalityId: 'nowhere', title: 'c', text: '' }));
    await waitFor(() =>
      expect(result.current.territoryProblems).toMatchObject([{ reason: 'missing' }]),
    );
    act(() => result.current.update({ ...place, title: 'd', text: '' }));
    await waitFor(() => expect(result.current.saveState).toBe('saved'));
    expect((await records.get('lessons-note', ID))?.body.title).toBe('d');
  });

  it('says why a write failed, keeps the text in a draft, and writes it on Retry', async () => {
    const { result } = await openEditor({ districtId: D, title: 'a', text: '' });
    const quota = new DOMException('exceeded the quota', 'QuotaExceededError');
    const put = vi
      .spyOn(records, 'put')
      .mockRejectedValue(new Dexie.AbortError('QuotaExceededError ', quota));
    const kept = { districtId: D, title: 'kept', text: '2' };
    act(() => result.current.update(kept));
    await waitFor(() => expect(result.current.saveState).toBe('failed'));
    expect(result.current.saveFailure).toBe('full');
    expect(result.current.value).toEqual(kept);
    expect(await drafts.load(draftKeyOf('lessons-note', ID))).toEqual(kept);
    expect((await records.get('lessons-note', ID))?.body.title).toBe('a');

    put.mockRestore();
    await act(() => result.current.retry());
    await waitFor(() => expect(result.current.saveState).toBe('saved'));
    expect(result.current.saveFailure).toBeNull();
    expect((await records.get('lessons-note', ID))?.body).toEqual(kept);
    expect(await drafts.load(draftKeyOf('lessons-note', ID))).toBeUndefined();
  });

  it('reopens a database the browser closed when retrying', async () => {
    const { result } = await openEditor({ districtId: D, title: 'a', text: '' });
    appDb.close({ disableAutoOpen: true });
    act(() => result.current.update({ districtId: D, title: 'after close', text: '' }));
    await waitFor(() => expect(result.current.saveState).toBe('failed'));
    expect(result.current.saveFailure).toBe('closed');
    await act(() => result.current.retry());
    await waitFor(() => expect(result.current.saveState).toBe('saved'));
    expect((await records.get('lessons-note', ID))?.body.title).toBe('after close');
  });

  it('says a write is slow rather than "Saving…" for ever', async () => {
    const { result } = await openEditor({ districtId: D, title: 'a', text: '' });
    let release = () => {};
    const original = records.put.bind(records);
    vi.spyOn(records, 'put').mockImplementation(async (input) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return original(input);
    });
    act(() => result.current.update({ districtId: D, title: 'slow', text: '' }));
    expect(result.current.saveState).toBe('saving');
    await waitFor(() => expect(result.current.saveState).toBe('slow'), {
      timeout: SLOW_SAVE_MS * 2,
    });
    release();
    await waitFor(() => expect(result.current.saveState).toBe('saved'));
    expect((await records.get('lessons-note', ID))?.body.title).toBe('slow');
  });
});
