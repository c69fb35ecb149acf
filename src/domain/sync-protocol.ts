/**
 * The sync protocol (DESIGN.md, "Sync protocol"): request and reply shapes shared by the
 * device's sync engine and the server. Pure: zod only.
 */
import { z } from 'zod';
import type { SyncedRecord } from './record.ts';
import { recordTypeSchema } from './record-schema.ts';

import { MAX_PUSH_MUTATIONS } from './sync-limits.ts';

export { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS } from './sync-limits.ts';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256');

export const mutationSchema = z.object({
  mutationId: z.uuid(),
  type: recordTypeSchema,
  id: z.uuid(),
  op: z.enum(['put', 'delete']),
  baseRev: z.number().int().nonnegative(),
  body: z.record(z.string(), z.unknown()),
  hash: sha256,
});
export type Mutation = z.infer<typeof mutationSchema>;

const pushHeader = {
  deviceId: z.string().min(1).max(100),
  schemaVersion: z.number().int().positive(),
};

export const pushRequestSchema = z.object({
  ...pushHeader,
  mutations: z.array(mutationSchema).max(MAX_PUSH_MUTATIONS),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * What the server checks of a push request as a whole: its header, and that `mutations`
 * is a list of at most MAX_PUSH_MUTATIONS (250) objects. Each change's envelope (`mutationSchema`) is judged on
 * its own, so one bad change is refused alone and never fails its batch.
 */
export const pushBatchSchema = z.object({
  ...pushHeader,
  mutations: z.array(z.looseObject({})).max(MAX_PUSH_MUTATIONS),
});
export type PushBatch = z.infer<typeof pushBatchSchema>;

/**
 * A record as the server holds it and sends it in pull pages and conflicts: the envelope
 * every synced record has (record.ts; validated by `syncedRecordSchema` in record-schema.ts).
 */
export type ServerRecord = SyncedRecord;

export type MutationStatus = 'applied' | 'duplicate' | 'conflict' | 'rejected';

export interface MutationError {
  /** Machine-readable reason: invalid, unknown_type, forbidden, hash_mismatch, mutation_reused. */
  code: string;
  message: string;
  /** Where in the body the problem is (zod path), when it is a validation error. */
  path?: (string | number)[];
}

export interface MutationResult {
  mutationId: string;
  status: MutationStatus;
  /** The record's revision after this mutation (applied, duplicate). */
  rev?: number;
  error?: MutationError;
  /** The server's current version (conflict). */
  current?: ServerRecord;
}

export interface PushResponse {
  results: MutationResult[];
}

export interface PullResponse {
  changes: ServerRecord[];
  /** Pass as `since` next time: the highest revision in this page (or the one given). */
  cursor: number;
  hasMore: boolean;
  /** Asked for with `count=1`: how many changes there are from `since` on, this page's included. */
  remaining?: number;
}

export type Role = 'admin' | 'coordinator' | 'consultant';
export const roleSchema = z.enum(['admin', 'coordinator', 'consultant']);

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Districts a consultant works in (ids of district records); empty for others. */
  districtIds: string[];
}

export interface LoginResponse {
  token: string;
  user: SessionUser;
}
