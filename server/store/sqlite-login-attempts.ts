/** Sign-in failure counters and known devices in SQLite: one write transaction per decision. */
import type { DatabaseSync } from 'node:sqlite';
import { type LoginKey, type LoginLimits, loginWaitMs } from '../auth/login-throttle.ts';
import { type Exclusive, inTransaction } from './sqlite-transaction.ts';
import type { LoginReservation, Store } from './store.ts';

type LoginMethods = Pick<Store, 'reserveLoginAttempt' | 'loginSucceeded' | 'isKnownDevice'>;

export function sqliteLoginAttempts(
  db: DatabaseSync,
  now: () => Date,
  exclusive: Exclusive,
): LoginMethods {
  const sql = {
    forget: db.prepare('DELETE FROM login_failures WHERE at <= ?'),
    failures: db.prepare('SELECT at FROM login_failures WHERE key = ? AND at > ?'),
    count: db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)'),
    release: db.prepare('DELETE FROM login_failures WHERE id = ?'),
    clear: db.prepare('DELETE FROM login_failures WHERE key = ?'),
    knownDevice: db.prepare('SELECT 1 FROM known_devices WHERE user_id = ? AND device_hash = ?'),
    rememberDevice: db.prepare(
      `INSERT INTO known_devices (user_id, device_hash, first_seen_at, last_seen_at)
       VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, device_hash) DO UPDATE SET last_seen_at = excluded.last_seen_at`,
    ),
  };

  return {
    reserveLoginAttempt: (keys: readonly LoginKey[], limits: LoginLimits) =>
      // BEGIN IMMEDIATE: reading the counts and counting this attempt is one step, so
      // parallel attempts (in this process or another) cannot all see room for themselves.
      exclusive(() =>
        inTransaction(db, (): LoginReservation => {
          const at = now().getTime();
          const since = at - limits.windowMs;
          sql.forget.run(since);
          let waitMs = 0;
          for (const { key, free } of keys) {
            const rows = sql.failures.all(key, since) as { at: number }[];
            const times = rows.map((row) => row.at);
            waitMs = Math.max(waitMs, loginWaitMs(times, free, at, limits));
          }
          if (waitMs > 0) return { reserved: false, retryAfterMs: waitMs };
          const ids = keys.map(({ key }) => Number(sql.count.run(key, at).lastInsertRowid));
          return { reserved: true, ids };
        }),
      ),
    loginSucceeded: ({ release, clear, device }) =>
      exclusive(() =>
        inTransaction(db, () => {
          for (const id of release) sql.release.run(id);
          for (const key of clear) sql.clear.run(key);
          if (device) {
            const at = now().toISOString();
            sql.rememberDevice.run(device.userId, device.deviceHash, at, at);
          }
        }),
      ),
    isKnownDevice: (userId, deviceHash) =>
      exclusive(() => sql.knownDevice.get(userId, deviceHash) !== undefined),
  };
}
