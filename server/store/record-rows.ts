/**
 * Records and revisions as both engines' drivers return their rows, and the one mapping
 * to the store's types: SQLite gives integers for booleans and revisions, PostgreSQL
 * booleans and BIGINT as strings (revisions stay far below 2^53).
 */
import type { Revision, Store, StoredRecord } from './store.ts';

/** What each engine's sync module implements of the store. */
export type SyncMethods = Pick<
  Store,
  | 'syncTransaction'
  | 'pull'
  | 'countPull'
  | 'history'
  | 'recordsOfType'
  | 'blobInfo'
  | 'saveBlobInfo'
  | 'isBlobReferenced'
  | 'canReadBlob'
>;

export const RECORD_COLUMNS =
  'id, type, rev, district_id, deleted, updated_at, updated_by, schema_version, body';

export interface RecordRow {
  id: string;
  type: string;
  rev: number | string;
  district_id: string | null;
  deleted: number | boolean;
  updated_at: string;
  updated_by: string;
  schema_version: number;
  body: string;
}

export interface RevisionRow {
  rev: number | string;
  record_id: string;
  type: string;
  body: string;
  deleted: number | boolean;
  updated_at: string;
  updated_by: string;
  schema_version: number;
  mutation_id: string | null;
  kind: 'applied' | 'conflict';
  user_id: string | null;
  device_id: string | null;
}

const isTrue = (value: number | boolean) => value === true || value === 1;

export const toRecord = (row: RecordRow): StoredRecord => ({
  id: row.id,
  type: row.type,
  rev: Number(row.rev),
  districtId: row.district_id,
  deleted: isTrue(row.deleted),
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
  schemaVersion: row.schema_version,
  bodyJson: row.body,
});

export const toRevision = (row: RevisionRow): Revision => ({
  rev: Number(row.rev),
  recordId: row.record_id,
  type: row.type,
  body: JSON.parse(row.body) as Record<string, unknown>,
  deleted: isTrue(row.deleted),
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
  schemaVersion: row.schema_version,
  mutationId: row.mutation_id,
  kind: row.kind,
  userId: row.user_id,
  deviceId: row.device_id,
});
