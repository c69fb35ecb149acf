/** Sign-in failure counters and known devices in PostgreSQL: one transaction per decision. */
import type pg from 'pg';
import { loginWaitMs } from '../../auth/login-throttle.ts';
import type { Store } from '../store.ts';
import { first, inTransaction, LOCK, rows } from './postgres-client.ts';

type LoginMethods = Pick<Store, 'reserveLoginAttempt' | 'loginSucceeded' | 'isKnownDevice'>;

export function postgresLoginAttempts(pool: pg.Pool, now: () => Date): LoginMethods {
  return {
    reserveLoginAttempt: (keys, limits) =>
      inTransaction(pool, async (db) => {
        // One advisory lock per key, taken in hash order (so two attempts sharing keys never
        // wait on each other crosswise): reading a key's failures and counting this attempt
        // is one step, so parallel attempts, in this process or another, cannot all see room
        // for themselves. Attempts on other keys go on in parallel.
        await db.query(
          `SELECT pg_advisory_xact_lock($1, h)
           FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($2::text[]) AS k ORDER BY h) AS keys`,
          [LOCK.login, keys.map(({ key }) => key)],
        );
        const at = now().getTime();
        const since = at - limits.windowMs;
        await db.query('DELETE FROM login_failures WHERE at <= $1', [since]);
        let waitMs = 0;
        for (const { key, free } of keys) {
          const found = await rows<{ at: string }>(
            db,
            'SELECT at FROM login_failures WHERE key = $1 AND at > $2',
            [key, since],
          );
          const times = found.map((row) => Number(row.at));
          waitMs = Math.max(waitMs, loginWaitMs(times, free, at, limits));
        }
        if (waitMs > 0) return { reserved: false as const, retryAfterMs: waitMs };
        const ids: number[] = [];
        for (const { key } of keys) {
          const row = await first<{ id: string }>(
            db,
            'INSERT INTO login_failures (key, at) VALUES ($1, $2) RETURNING id',
            [key, at],
          );
          if (!row) throw new Error('INSERT … RETURNING gave no id');
          ids.push(Number(row.id));
        }
        return { reserved: true as const, ids };
      }),
    async loginSucceeded({ release, clear, device }) {
      await inTransaction(pool, async (db) => {
        await db.query('DELETE FROM login_failures WHERE id = ANY($1::bigint[])', [[...release]]);
        await db.query('DELETE FROM login_failures WHERE key = ANY($1::text[])', [[...clear]]);
        if (device) {
          const at = now().toISOString();
          await db.query(
            `INSERT INTO known_devices (user_id, device_hash, first_seen_at, last_seen_at)
             VALUES ($1, $2, $3, $3)
             ON CONFLICT (user_id, device_hash) DO UPDATE SET last_seen_at = excluded.last_seen_at`,
            [device.userId, device.deviceHash, at],
          );
        }
      });
    },
    async isKnownDevice(userId, deviceHash) {
      const row = await first(
        pool,
        'SELECT 1 FROM known_devices WHERE user_id = $1 AND device_hash = $2',
        [userId, deviceHash],
      );
      return row !== undefined;
    },
  };
}
