/** Users, their districts and their tokens in SQLite. */
import type { DatabaseSync } from 'node:sqlite';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../src/domain/sync-protocol.ts';
import { type Exclusive, inTransaction } from './sqlite-transaction.ts';
import { type NewUser, type Store, type UserAccount, UsernameTakenError } from './store.ts';

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

const USER_COLUMNS = `u.id, u.username, u.display_name, u.role, u.disabled, u.created_at,
  (SELECT json_group_array(district_id) FROM
    (SELECT district_id FROM user_districts WHERE user_id = u.id ORDER BY district_id)) AS districts`;

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  disabled: number;
  created_at: string;
  districts: string;
}

const toAccount = (row: UserRow): UserAccount => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  districtIds: JSON.parse(row.districts) as string[],
  disabled: row.disabled === 1,
  createdAt: row.created_at,
});

/** last_used_at is refreshed at most this often, so reads do not each cost a disk write. */
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export function sqliteUsers(db: DatabaseSync, now: () => Date, exclusive: Exclusive): UserMethods {
  const sql = {
    count: db.prepare('SELECT count(*) AS n FROM users'),
    byId: db.prepare(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ?`),
    byName: db.prepare(`SELECT ${USER_COLUMNS} FROM users u WHERE u.username = ?`),
    all: db.prepare(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.username`),
    passwordHash: db.prepare('SELECT password_hash FROM users WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at)
       VALUES (?, ?, ?, ?, ?, 0, ?)`,
    ),
    setHash: db.prepare('UPDATE users SET password_hash = ? WHERE id = ?'),
    setDisabled: db.prepare('UPDATE users SET disabled = ? WHERE id = ?'),
    setRole: db.prepare('UPDATE users SET role = ? WHERE id = ? AND role <> ?'),
    clearDistricts: db.prepare('DELETE FROM user_districts WHERE user_id = ?'),
    addDistrict: db.prepare(
      'INSERT OR IGNORE INTO user_districts (user_id, district_id) VALUES (?, ?)',
    ),
    revokeAll: db.prepare(
      'UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL',
    ),
    saveToken: db.prepare(
      'INSERT INTO tokens (token_hash, user_id, created_at, last_used_at) VALUES (?, ?, ?, ?)',
    ),
    tokenUser: db.prepare(
      `SELECT ${USER_COLUMNS}, t.last_used_at, t.created_at AS created_at_token FROM tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled = 0`,
    ),
    disabledTokenOwner: db.prepare(
      `SELECT 1 AS found FROM tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = ? AND u.disabled = 1`,
    ),
    touchToken: db.prepare('UPDATE tokens SET last_used_at = ? WHERE token_hash = ?'),
    revoke: db.prepare(
      'UPDATE tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL',
    ),
  };
  const iso = () => now().toISOString();
  const findUser = (id: string) => {
    const row = sql.byId.get(id) as UserRow | undefined;
    return row && toAccount(row);
  };
  const setDistrictRows = (userId: string, districtIds: readonly string[]) => {
    sql.clearDistricts.run(userId);
    for (const districtId of districtIds) sql.addDistrict.run(userId, districtId);
  };
  /** Runs a change to one user in a transaction; undefined when there is no such user. */
  const changeUser = (userId: string, change: () => void) =>
    exclusive(() =>
      inTransaction(db, () => {
        if (!sql.byId.get(userId)) return undefined;
        change();
        return findUser(userId);
      }),
    );

  return {
    countUsers: () => exclusive(() => (sql.count.get() as { n: number }).n),
    createUser(input: NewUser) {
      const id = uuidv7();
      return exclusive(() =>
        inTransaction(db, () => {
          if (sql.byName.get(input.username)) {
            throw new UsernameTakenError(`The username ${input.username} is already taken`);
          }
          sql.insert.run(
            id,
            input.username,
            input.displayName,
            input.role,
            input.passwordHash,
            iso(),
          );
          setDistrictRows(id, input.districtIds);
          return findUser(id) as UserAccount;
        }),
      );
    },
    findUser: (id) => exclusive(() => findUser(id)),
    findUserByUsername: (username) =>
      exclusive(() => {
        const row = sql.byName.get(username) as UserRow | undefined;
        return row && toAccount(row);
      }),
    passwordHash: (userId) =>
      exclusive(
        () =>
          (sql.passwordHash.get(userId) as { password_hash: string } | undefined)?.password_hash,
      ),
    listUsers: () => exclusive(() => (sql.all.all() as unknown as UserRow[]).map(toAccount)),
    setPasswordHash: (userId, passwordHash) =>
      changeUser(userId, () => {
        sql.setHash.run(passwordHash, userId);
        sql.revokeAll.run(iso(), userId);
      }),
    setDisabled: (userId, disabled) =>
      changeUser(userId, () => {
        sql.setDisabled.run(disabled ? 1 : 0, userId);
        if (disabled) sql.revokeAll.run(iso(), userId);
      }),
    setDistricts: (userId, districtIds) =>
      changeUser(userId, () => setDistrictRows(userId, districtIds)),
    // The server reads the role afresh on each request, but devices keep the role they signed
    // in with: revoking makes each one sign in again. Saving the same role changes nothing.
    setRole: (userId, role) =>
      changeUser(userId, () => {
        if (sql.setRole.run(role, userId, role).changes > 0) sql.revokeAll.run(iso(), userId);
      }),
    saveToken: (tokenHash, userId) =>
      exclusive(() => {
        const at = iso();
        sql.saveToken.run(tokenHash, userId, at, at);
      }),
    // A read that sometimes writes (last_used_at): queued like any write, so the touch never
    // lands inside, and commits or rolls back with, someone's open push.
    userForToken: (tokenHash, idleSince) =>
      exclusive(() => {
        const row = sql.tokenUser.get(tokenHash) as
          | (UserRow & { last_used_at: string | null; created_at_token: string })
          | undefined;
        if (!row) return undefined;
        const lastUsed = row.last_used_at ?? row.created_at_token;
        if (idleSince && lastUsed < idleSince.toISOString()) return 'expired' as const;
        const at = now();
        const stale = new Date(at.getTime() - TOUCH_INTERVAL_MS).toISOString();
        if (lastUsed < stale) {
          try {
            sql.touchToken.run(at.toISOString(), tokenHash);
          } catch {
            // Bookkeeping only: a full or locked disk must not fail a read. The token then
            // counts as used an hour or so earlier than it was, nothing worse.
          }
        }
        return toAccount(row);
      }),
    tokenOfDisabledAccount: (tokenHash) =>
      exclusive(() => sql.disabledTokenOwner.get(tokenHash) !== undefined),
    revokeToken: (tokenHash) =>
      exclusive(() => {
        sql.revoke.run(iso(), tokenHash);
      }),
  };
}
