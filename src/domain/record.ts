/** Version of the record envelope and outbox format this build writes. */
export const SCHEMA_VERSION = 1;

/** The envelope every synced record has (DESIGN.md, "Records"); zod form in record-schema.ts. */
export interface SyncedRecord<Body extends Record<string, unknown> = Record<string, unknown>> {
  /** UUIDv7, made on the device. */
  id: string;
  type: string;
  /** Server revision: 0 until the server first accepts the record. */
  rev: number;
  updatedAt: string;
  updatedBy: string;
  /** Tombstone: deletions are records too, so they sync. */
  deleted: boolean;
  schemaVersion: number;
  body: Body;
}

export type MutationOp = 'put' | 'delete';

/** One queued change, waiting for the server's `applied` or `duplicate`. */
export interface OutboxEntry {
  /** Local, auto-incremented: the creation order the queue is pushed in. */
  seq?: number;
  mutationId: string;
  type: string;
  id: string;
  op: MutationOp;
  baseRev: number;
  body: Record<string, unknown>;
  hash: string;
  createdAt: string;
  attempts: number;
  lastError: string | null;
  /** Why the server refused it (with `state` parked): its code and the field, if it said. */
  refusal?: Refusal;
  state: 'pending' | 'parked';
}

/** A server refusal in terms the device can translate: `invalid`, `forbidden`, ... */
export interface Refusal {
  code: string;
  path?: (string | number)[];
}
