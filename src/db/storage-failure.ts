/**
 * Why a write to the device database failed, in the terms the screen explains: the
 * storage is full, the browser closed the database (iOS does when the app sleeps; Chrome
 * after a quota failure), or something else. Dexie wraps the browser's error: on a full
 * disk Chrome aborts the transaction, and the cause is in `inner`.
 */
export type StorageFailure = 'full' | 'closed' | 'other';

const FULL = /quota|disk is full|no space/i;
const CLOSED = /DatabaseClosed|InvalidState|connection.*clos|database.*clos/i;

export function storageFailureOf(error: unknown): StorageFailure {
  let closed = false;
  for (let cause = error, depth = 0; cause && depth < 5; depth += 1) {
    const {
      name = '',
      message = '',
      inner,
    } = cause as {
      name?: string;
      message?: string;
      inner?: unknown;
    };
    if (FULL.test(name) || FULL.test(message)) return 'full';
    if (CLOSED.test(name) || CLOSED.test(message)) closed = true;
    cause = inner;
  }
  return closed ? 'closed' : 'other';
}
