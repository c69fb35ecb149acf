import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { storageFailureOf } from './storage-failure.ts';

describe('storageFailureOf', () => {
  it('finds a full disk behind the abort Chrome reports', () => {
    const quota = new DOMException(
      'An attempt was made to add something to storage that exceeded the quota',
      'QuotaExceededError',
    );
    expect(storageFailureOf(new Dexie.AbortError('QuotaExceededError ', quota))).toBe('full');
    expect(storageFailureOf(quota)).toBe('full');
  });

  it('recognises a database the browser closed', () => {
    expect(storageFailureOf(new Dexie.DatabaseClosedError('Database has been closed'))).toBe(
      'closed',
    );
    expect(
      storageFailureOf(
        new DOMException('The database connection is closing.', 'InvalidStateError'),
      ),
    ).toBe('closed');
  });

  it('calls anything else by no name', () => {
    expect(storageFailureOf(new Error('boom'))).toBe('other');
    expect(storageFailureOf(undefined)).toBe('other');
  });
});
