/** Users, their districts and their tokens in PostgreSQL. */
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../../src/domain/sync-protocol.ts';
import { type Store, type UserAccount, UsernameTakenError } from '../store.ts';
import {
  changed,
  first,
  inTransaction,
  isUniqueViolation,
  type Queryable,
  rows,
} from './postgres-client.ts';

type UserMethods = Pick<
  Store,
  | 'countUsers'
  | 'createUser'
  | 'findUser'
  | 'findUserByUsername'
  | 'passwordHash'
  | 'listUsers'
  | 'setPasswordHash'
  | 'setDisabled'
  | 'setDistricts'
  | 'setRole'
  | 'saveToken'
  | 'userForToken'
  | 'tokenOfDisabledAccount'
  | 'revokeToken'
>;

// Districts in byte order, as SQLite lists them.
const USER_COLUMNS = `u.id, u.username, u.display_name, u.role, u.disabled, u.created_at,
  coalesce((SELECT array_agg(district_id ORDER BY district_id COLLATE "C")
            FROM user_districts WHERE user_id = u.id), '{}') AS districts`;

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  disabled: boolean;
  created_at: string;
  districts: string[];
}

const toAccount = (row: UserRow): UserAccount => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  districtIds: row.districts,
  disabled: row.disabled,
  createdAt: row.created_at,
});

/** last_used_at is refreshed at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export function postgresUsers(pool: pg.Pool, now: () => Date): UserMethods {
  const iso = () => now().toISOString();
  const findUser = async (db: Queryable, id: string) => {
    const row = await first<UserRow>(db, `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [
      id,
    ]);
    return row && toAccount(row);
  };
  const setDistrictRows = async (db: Queryable, userId: string, districtIds: readonly string[]) => {
    await db.query('DELETE FROM user_districts WHERE user_id = $1', [userId]);
    await db.query(
      `INSERT INTO user_districts (user_id, district_id)
       SELECT $1, district FROM unnest($2::text[]) AS district ON CONFLICT DO NOTHING`,
      [userId, [...districtIds]],
    );
  };
  const revokeAll = (db: Queryable, userId: string) =>
    db.query('UPDATE tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL', [
      iso(),
      userId,
    ]);
  /**
   * Runs a change to one user in a transaction, with the user's row locked so two admins
   * changing one account apply one after the other; undefined when there is no such user.
   */
  const changeUser = (userId: string, change: (db: pg.PoolClient) => Promise<void>) =>
    inTransaction(pool, async (db) => {
      const found = await first(db, 'SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [userId]);
      if (!found) return undefined;
      await change(db);
      return findUser(db, userId);
    });

  return {
    async countUsers() {
      const row = await first<{ n: number }>(pool, 'SELECT count(*)::integer AS n FROM users');
      return row?.n ?? 0;
    },
    createUser(input) {
      const id = uuidv7();
      return inTransaction(pool, async (db) => {
        try {
          await db.query(
            `INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at)
             VALUES ($1, $2, $3, $4, $5, false, $6)`,
            [id, input.username, input.displayName, input.role, input.passwordHash, iso()],
          );
        } catch (error) {
          // The unique index decides, so two admins creating one name at once get one account.
          if (isUniqueViolation(error, 'users_username')) {
            throw new UsernameTakenError(`The username ${input.username} is already taken`);
          }
          throw error;
        }
        await setDistrictRows(db, id, input.districtIds);
        const account = await findUser(db, id);
        if (!account) throw new Error(`The user ${id} just created is missing`);
        return account;
      });
    },
    findUser: (id) => findUser(pool, id),
    async findUserByUsername(username) {
      const row = await first<UserRow>(
        pool,
        `SELECT ${USER_COLUMNS} FROM users u WHERE lower(u.username) = lower($1)`,
        [username],
      );
      return row && toAccount(row);
    },
    async passwordHash(userId) {
      const row = await first<{ password_hash: string }>(
        pool,
        'SELECT password_hash FROM users WHERE id = $1',
        [userId],
      );
      return row?.password_hash;
    },
    async listUsers() {
      const found = await rows<UserRow>(
        pool,
        `SELECT ${USER_COLUMNS} FROM users u ORDER BY lower(u.username) COLLATE "C", u.id`,
      );
      return found.map(toAccount);
    },
    setPasswordHash: (userId, passwordHash) =>
      changeUser(userId, async (db) => {
        await db.query('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, userId]);
        await revokeAll(db, userId);
      }),
    setDisabled: (userId, disabled) =>
      changeUser(userId, async (db) => {
        await db.query('UPDATE users SET disabled = $1 WHERE id = $2', [disabled, userId]);
        if (disabled) await revokeAll(db, userId);
      }),
    setDistricts: (userId, districtIds) =>
      changeUser(userId, (db) => setDistrictRows(db, userId, districtIds)),
    // The server reads the role afresh on each request, but devices keep the role they signed
    // in with: revoking makes each one sign in again. Saving the same role changes nothing.
    setRole: (userId, role) =>
      changeUser(userId, async (db) => {
        const n = await changed(db, 'UPDATE users SET role = $1 WHERE id = $2 AND role <> $1', [
          role,
          userId,
        ]);
        if (n > 0) await revokeAll(db, userId);
      }),
    async saveToken(tokenHash, userId) {
      const at = iso();
      await pool.query(
        'INSERT INTO tokens (token_hash, user_id, created_at, last_used_at) VALUES ($1, $2, $3, $3)',
        [tokenHash, userId, at],
      );
    },
    async userForToken(tokenHash, idleSince) {
      const row = await first<UserRow & { last_used_at: string | null; token_created_at: string }>(
        pool,
        `SELECT ${USER_COLUMNS}, t.last_used_at, t.created_at AS token_created_at
         FROM tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND NOT u.disabled`,
        [tokenHash],
      );
      if (!row) return undefined;
      const lastUsed = row.last_used_at ?? row.token_created_at;
      if (idleSince && lastUsed < idleSince.toISOString()) return 'expired';
      const at = now();
      const stale = new Date(at.getTime() - TOUCH_INTERVAL_MS).toISOString();
      if (lastUsed < stale) {
        try {
          await pool.query('UPDATE tokens SET last_used_at = $1 WHERE token_hash = $2', [
            at.toISOString(),
            tokenHash,
          ]);
        } catch {
          // Bookkeeping only: a full or read-only database must not fail a read. The token
          // then counts as used an hour or so earlier than it was, nothing worse.
        }
      }
      return toAccount(row);
    },
    async tokenOfDisabledAccount(tokenHash) {
      const row = await first(
        pool,
        `SELECT 1 FROM tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = $1 AND u.disabled`,
        [tokenHash],
      );
      return row !== undefined;
    },
    async revokeToken(tokenHash) {
      await pool.query(
        'UPDATE tokens SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL',
        [iso(), tokenHash],
      );
    },
  };
}
