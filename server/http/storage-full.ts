/**
 * A full disk, however it shows: SQLite's SQLITE_FULL ("database or disk is full", also
 * what `max_page_count` gives) or ENOSPC from a file write. The server answers it with a
 * 503 `storage_full` and says so in its log once, not once per request.
 */

const SQLITE_FULL = 13;

export function isStorageFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { errcode, code, message } = error as {
    errcode?: unknown;
    code?: unknown;
    message?: unknown;
  };
  // Extended result codes keep the primary code in the low byte.
  if (typeof errcode === 'number' && (errcode & 0xff) === SQLITE_FULL) return true;
  if (code === 'ENOSPC' || code === 'EDQUOT') return true;
  return (
    typeof message === 'string' && /database or disk is full|no space left on device/i.test(message)
  );
}

export interface StorageFullLog {
  /** Notes one full-disk failure; logs the first, then at most once per interval with a count. */
  note(detail: string): void;
}

export function storageFullLog(
  log: (line: string) => void = (line) => console.error(line),
  now: () => number = Date.now,
  intervalMs = 60_000,
): StorageFullLog {
  let lastLoggedAt: number | null = null;
  let since = 0;
  return {
    note(detail) {
      since += 1;
      const at = now();
      if (lastLoggedAt !== null && at - lastLoggedAt < intervalMs) return;
      const count = since;
      since = 0;
      lastLoggedAt = at;
      log(
        count === 1
          ? `Storage full: the server cannot save data (${detail}). Free disk space on the data directory.`
          : `Storage full: ${count} requests refused since the last report (latest: ${detail}). Free disk space on the data directory.`,
      );
    },
  };
}
