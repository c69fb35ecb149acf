import { z } from 'zod';
import type { SyncedRecord } from './record.ts';

export const recordTypeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'lower-case letters, digits and dashes');

/**
 * The one record envelope schema: validates a record from outside (an imported backup). The
 * server's pull pages and conflicts send the same shape (`ServerRecord` in sync-protocol.ts).
 */
export const syncedRecordSchema = z.object({
  // UUIDv7 made on devices; seeded reference records have fixed UUIDv8 ids.
  id: z.uuid(),
  type: recordTypeSchema,
  rev: z.number().int().nonnegative(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string().min(1),
  deleted: z.boolean(),
  schemaVersion: z.number().int().positive(),
  body: z.record(z.string(), z.unknown()),
}) satisfies z.ZodType<SyncedRecord>;
