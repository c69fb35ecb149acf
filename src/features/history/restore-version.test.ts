import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { appDb, drafts, records } from '../../db/app-db.ts';
import { newHearing } from '../../domain/hearing.ts';
import { draftKeyOf } from '../../records/use-record-editor.ts';
import { restoreVersion } from './restore-version.ts';

const place = { districtId: uuidv7(), municipalityId: uuidv7() };

describe('restoreVersion', () => {
  it('writes the old body as a new change with its outbox entry and drops a draft over it', async () => {
    const id = uuidv7();
    const old = { ...newHearing(place, new Date('2025-03-01T10:00:00')), venue: 'School' };
    await records.put({ type: 'hearing', id, body: old });
    await appDb.records.update(id, { rev: 7 });
    await appDb.outbox.clear();
    await records.put({ type: 'hearing', id, body: { ...old, venue: 'Club' } });
    await drafts.save(draftKeyOf('hearing', id), { ...old, endTime: '01:00' });

    expect(await restoreVersion({ type: 'hearing', id, body: old })).toBe('restored');

    expect((await records.get('hearing', id))?.body).toEqual(old);
    const entries = await appDb.outbox.where('id').equals(id).toArray();
    expect(entries.map((e) => [e.op, e.baseRev, (e.body as { venue: string }).venue])).toEqual([
      ['put', 7, 'School'],
    ]);
    expect(await drafts.load(draftKeyOf('hearing', id))).toBeUndefined();
  });

  it('refuses a body the current form does not accept, and writes nothing', async () => {
    const id = uuidv7();
    const before = await appDb.outbox.count();
    const result = await restoreVersion({
      type: 'hearing',
      id,
      body: { venue: 'From an older form' },
    });
    expect(result).toBe('invalid');
    expect(await records.get('hearing', id)).toBeUndefined();
    expect(await appDb.outbox.count()).toBe(before);
  });
});
