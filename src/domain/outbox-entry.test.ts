import { describe, expect, it } from 'vitest';
import { newOutboxEntry } from './outbox-entry.ts';

const change = {
  mutationId: 'm1',
  type: 'lessons-note',
  id: 'r1',
  op: 'put' as const,
  baseRev: 3,
  body: { title: 'a' },
  hash: 'h',
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('newOutboxEntry', () => {
  it('makes a change never tried yet, without a seq (the queue gives it)', () => {
    expect(newOutboxEntry(change)).toEqual({
      ...change,
      attempts: 0,
      lastError: null,
      state: 'pending',
    });
  });

  it('brings back a stored entry as it stood, with its attempts and refusal, and nothing else', () => {
    const stored = {
      ...change,
      seq: 7,
      attempts: 2,
      lastError: 'invalid: Required (title)',
      state: 'parked' as const,
      refusal: { code: 'invalid', path: ['title'] },
      extra: 'not an entry field',
    };
    const { seq: _seq, extra: _extra, ...expected } = stored;
    expect(newOutboxEntry(stored, stored)).toEqual(expected);
  });
});
