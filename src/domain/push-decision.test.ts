import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { sha256Hex } from './hash.ts';
import { decideChange, type JudgedChange, judgeChange, replayResult } from './push-decision.ts';
import type { Mutation } from './sync-protocol.ts';

const note = (title: string) => ({ districtId: 'd1', title, text: '' });

async function judged(overrides: Partial<Mutation> = {}): Promise<JudgedChange> {
  const body = overrides.body ?? note('a');
  const bodyJson = canonicalJson(body);
  const mutation: Mutation = {
    mutationId: '0190a000-0000-7000-8000-000000000001',
    type: 'lessons-note',
    id: '0190a000-0000-7000-8000-000000000002',
    op: 'put',
    baseRev: 0,
    body,
    hash: await sha256Hex(bodyJson),
    ...overrides,
  };
  return { mutation, bodyJson, ...judgeChange(mutation, await sha256Hex(bodyJson)) };
}

const admin = { role: 'admin' as const, districtIds: [] };
const consultant = { role: 'consultant' as const, districtIds: ['d1'] };

describe('push decision', () => {
  it('refuses a change by its own bytes before anything else', async () => {
    expect((await judged({ hash: 'f'.repeat(64) })).problem?.code).toBe('hash_mismatch');
    expect((await judged({ type: 'nope' })).problem?.code).toBe('unknown_type');
    const invalid = await judged({ body: { districtId: 'd1', title: '', text: '' } });
    expect(invalid.problem).toMatchObject({ code: 'invalid', path: ['title'] });
    expect(decideChange(invalid, { user: admin, head: undefined })).toEqual({
      status: 'rejected',
      error: invalid.problem,
    });
  });

  it('then who may write, the record type, the territories; then conflict or applied', async () => {
    const change = await judged();
    const head = { type: 'lessons-note', rev: 0, districtId: 'd1' };
    expect(decideChange(change, { user: admin, head: undefined })).toEqual({ status: 'applied' });
    expect(decideChange(change, { user: consultant, head })).toEqual({ status: 'applied' });
    const elsewhere = { ...head, districtId: 'd2' };
    expect(decideChange(change, { user: consultant, head: elsewhere })).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(decideChange(change, { user: admin, head: { ...head, type: 'hearing' } })).toMatchObject(
      { error: { code: 'invalid' } },
    );
    // With territories to look in, a district that does not exist is refused.
    expect(decideChange(change, { user: admin, head, territories: () => undefined })).toMatchObject(
      { error: { code: 'territory' } },
    );
    expect(decideChange(change, { user: admin, head: { ...head, rev: 4 } })).toEqual({
      status: 'conflict',
    });
  });

  it('answers a retry with the answer it missed; any other reuse of the id is refused', () => {
    const change = { mutationId: 'm', hash: 'h' };
    const applied = JSON.stringify({ mutationId: 'm', status: 'applied', rev: 7 });
    expect(replayResult(change, 'u1', { hash: 'h', userId: 'u1', resultJson: applied })).toEqual({
      mutationId: 'm',
      status: 'duplicate',
      rev: 7,
    });
    const conflict = JSON.stringify({ mutationId: 'm', status: 'conflict' });
    expect(replayResult(change, 'u1', { hash: 'h', userId: 'u1', resultJson: conflict })).toEqual({
      mutationId: 'm',
      status: 'conflict',
    });
    for (const stored of [
      { hash: 'other', userId: 'u1', resultJson: applied },
      { hash: 'h', userId: 'u2', resultJson: applied },
    ]) {
      expect(replayResult(change, 'u1', stored)).toMatchObject({
        status: 'rejected',
        error: { code: 'mutation_reused' },
      });
    }
  });
});
