/**
 * What route handlers need from the server's database; passed in, never imported as a
 * singleton. Asynchronous, so one interface serves the embedded SQLite store and the
 * PostgreSQL store (DATABASE_URL) alike.
 */
import type { Role, ServerRecord, SessionUser } from '../../src/domain/sync-protocol.ts';
import type { LoginKey, LoginLimits } from '../auth/login-throttle.ts';
import type { BlobBytes } from '../blobs/blob-bytes.ts';

/** A user as admins see it: the session fields plus account state. */
export interface UserAccount extends SessionUser {
  disabled: boolean;
  createdAt: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  districtIds: string[];
}

export class UsernameTakenError extends Error {
  override name = 'UsernameTakenError';
}

export interface BlobInfo {
  sha256: string;
  size: number;
  mime: string;
}

/** A sign-in attempt counted in advance (ids to take back on success), or how long to wait. */
export type LoginReservation =
  | { reserved: true; ids: number[] }
  | { reserved: false; retryAfterMs: number };

export interface LoginSuccess {
  /** Reserved attempts to take back. */
  release: readonly number[];
  /** Counters to forget entirely. */
  clear: readonly string[];
  /** The device to remember for this user (SHA-256 of its id). */
  device?: { userId: string; deviceHash: string };
}

/** A stored record as it goes into pull pages: the body is kept as (canonical) JSON text. */
export interface StoredRecord extends Omit<ServerRecord, 'body'> {
  bodyJson: string;
  districtId: string | null;
}

/** What a push needs to know about a record before deciding: no body. */
export interface RecordHead {
  type: string;
  rev: number;
  districtId: string | null;
}

export interface VersionInput {
  recordId: string;
  type: string;
  bodyJson: string;
  deleted: boolean;
  updatedAt: string;
  updatedBy: string;
  schemaVersion: number;
  districtId: string | null;
}

export interface RevisionInput extends VersionInput {
  kind: 'applied' | 'conflict';
  /** The push that wrote it; null for versions the server wrote itself (seeded reference data). */
  mutationId: string | null;
  userId: string | null;
  deviceId: string | null;
}

export interface Revision extends Omit<RevisionInput, 'districtId' | 'bodyJson'> {
  rev: number;
  body: Record<string, unknown>;
}

export interface StoredMutation {
  hash: string;
  userId: string;
  resultJson: string;
}

export interface MutationRecord extends StoredMutation {
  mutationId: string;
  deviceId: string;
  createdAt: string;
}

/** Reads and writes of one push batch; only valid inside `syncTransaction`. */
export interface SyncTransaction {
  /**
   * Optional: the push results and records the batch is about to read, so that a store with
   * a round trip per read (PostgreSQL) can read them all at once; the reads that follow
   * must answer as they would have (recordHead's row lock included).
   */
  prefetch?(mutationIds: readonly string[], recordIds: readonly string[]): Promise<void>;
  findMutation(mutationId: string): Promise<StoredMutation | undefined>;
  recordHead(id: string): Promise<RecordHead | undefined>;
  /** Which of `ids` have a record (tombstones included), in one query. */
  existingIds(ids: readonly string[]): Promise<Set<string>>;
  record(id: string): Promise<StoredRecord | undefined>;
  /** Appends to the history and returns the new server-wide revision. */
  appendRevision(input: RevisionInput): Promise<number>;
  /**
   * Makes `rev` the record's current version; `blobs` (the hashes its body names, see
   * src/domain/blob-references.ts) replace the ones its earlier version named.
   */
  putRecord(input: VersionInput & { rev: number; blobs?: readonly string[] }): Promise<void>;
  saveMutation(input: MutationRecord): Promise<void>;
  /** Deletes the record's conflict versions but the latest `keep`; applied ones always stay. */
  trimConflicts(recordId: string, keep: number): Promise<void>;
  /**
   * `Store.takeAllowance` within this transaction (a push counts itself as it is stored,
   * unless the store `countsPushesApart`).
   */
  takeAllowance(
    userId: string,
    checks: readonly AllowanceCheck[],
  ): Promise<{ kind: string; retryAfterMs: number } | undefined>;
}

/** One fair-use counter: at most `max` in each fixed window of `windowMs`. */
export interface AllowanceCheck {
  kind: string;
  windowMs: number;
  max: number;
  amount: number;
}

/** Which records a pull may return: everything, or reference types plus some districts. */
export type PullScope =
  | { all: true }
  | { all: false; referenceTypes: readonly string[]; districtIds: readonly string[] };

export interface Store {
  /** Which database this is, as /api/health reports it. */
  readonly engine: 'sqlite' | 'postgres';
  /**
   * Set when a push is counted in its own short transaction before the push's transaction
   * (see `SyncTransaction.takeAllowance`), so that the account's counter is not held until
   * the push commits.
   */
  readonly countsPushesApart?: boolean;
  /** The server clock (injected in tests). */
  now(): Date;
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  /**
   * Throws when the database cannot take a write (disk full, read-only, locked): makes a
   * small write that needs fresh space, and takes it back.
   */
  checkWritable(): Promise<void>;
  /** The schema version the database is at. */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
  /**
   * Attachment bytes, when this engine keeps them in the database (PostgreSQL); absent,
   * they are files under the data directory (see `blobBytesFor`).
   */
  blobBytes?: BlobBytes;

  countUsers(): Promise<number>;
  /** Throws UsernameTakenError when the name is in use (case-insensitively). */
  createUser(input: NewUser): Promise<UserAccount>;
  findUser(id: string): Promise<UserAccount | undefined>;
  findUserByUsername(username: string): Promise<UserAccount | undefined>;
  /** The stored password hash, for login only. */
  passwordHash(userId: string): Promise<string | undefined>;
  listUsers(): Promise<UserAccount[]>;
  /** Sets the password hash and revokes the user's tokens. */
  setPasswordHash(userId: string, passwordHash: string): Promise<UserAccount | undefined>;
  /** Disabling also revokes the user's tokens. */
  setDisabled(userId: string, disabled: boolean): Promise<UserAccount | undefined>;
  setDistricts(userId: string, districtIds: readonly string[]): Promise<UserAccount | undefined>;
  /** A new role also revokes the user's tokens (the same role changes nothing); districts are kept. */
  setRole(userId: string, role: Role): Promise<UserAccount | undefined>;

  saveToken(tokenHash: string, userId: string): Promise<void>;
  /**
   * The enabled user a live (not revoked) token belongs to; 'expired' when the token was
   * last used before `idleSince`.
   */
  userForToken(tokenHash: string, idleSince?: Date): Promise<UserAccount | 'expired' | undefined>;
  /** Whether a token (live or revoked) was issued to an account that is now disabled. */
  tokenOfDisabledAccount(tokenHash: string): Promise<boolean>;
  revokeToken(tokenHash: string): Promise<void>;

  /**
   * Counts a sign-in attempt against every key, before its password is checked, in one
   * write transaction; refuses it (counting nothing) when a key must still wait.
   */
  reserveLoginAttempt(keys: readonly LoginKey[], limits: LoginLimits): Promise<LoginReservation>;
  loginSucceeded(success: LoginSuccess): Promise<void>;
  /** Whether the user has signed in on the device (SHA-256 of its id) before. */
  isKnownDevice(userId: string, deviceHash: string): Promise<boolean>;

  /**
   * Runs `fn` in one write transaction: all of it is stored, or none. Revisions appended in
   * it become visible to `pull` only when no lower revision can still commit, so a pull
   * cursor never passes over a record (DESIGN.md, "Sync protocol").
   */
  syncTransaction<T>(fn: (tx: SyncTransaction) => Promise<T>): Promise<T>;
  /** Records with rev > since in rev order, at most `limit`. */
  pull(since: number, limit: number, scope: PullScope): Promise<StoredRecord[]>;
  /**
   * How many records a pull from `since` would bring (it shows a first download's
   * progress). Counted on the indexes pull pages read; asked once per pull, not per page.
   */
  countPull(since: number, scope: PullScope): Promise<number>;
  /** Every stored version of a record, oldest first, conflicts included. */
  history(recordId: string): Promise<Revision[]>;
  /** The current version of every record of a type, tombstones included, in rev order. */
  recordsOfType(type: string): Promise<StoredRecord[]>;

  blobInfo(sha256: string): Promise<BlobInfo | undefined>;
  /**
   * Keeps the blob's row (the first upload's) and records `createdBy` among those who
   * uploaded its bytes; call it again for every later upload of the same bytes.
   */
  saveBlobInfo(info: BlobInfo & { createdBy: string }): Promise<void>;
  /** Whether any stored record (tombstones included) names the blob (record_blobs index). */
  isBlobReferenced(sha256: string): Promise<boolean>;
  /** Whether a user may read a blob: they uploaded it, or may read a record naming it. */
  canReadBlob(sha256: string, userId: string, scope: PullScope): Promise<boolean>;
  /** Blobs `userId` stored first since `since` (ISO time), oldest first. */
  blobsUploadedBy(userId: string, since: string): Promise<{ sha256: string; createdAt: string }[]>;
  /** Blobs stored before `before` (ISO time). */
  blobsStoredBefore(before: string): Promise<string[]>;
  /**
   * Deletes the blob's row, in one transaction with the check, unless a record or any
   * stored version (a conflict, an old revision) names it.
   */
  deleteBlobUnlessReferenced(sha256: string): Promise<boolean>;

  /**
   * Adds each check's amount to this account's counter for the current window, all or none.
   * Refused, it names the first limit reached and when its window ends. A counter at zero
   * always takes one request, however large. Runs in its own transaction; within a push,
   * use `SyncTransaction.takeAllowance`.
   */
  takeAllowance(
    userId: string,
    checks: readonly AllowanceCheck[],
  ): Promise<{ kind: string; retryAfterMs: number } | undefined>;
}
