/**
 * Blob bytes in PostgreSQL (schema step 7): every server process on the database reaches
 * every blob and every unfinished upload, and nothing lives on one machine's disk.
 *
 * - A blob is a `blob_contents` row and its `blob_chunks` rows of at most 256 KB, written
 *   in one transaction: readers see all of it or nothing.
 * - An unfinished upload is a `blob_partials` row per (blob, uploader) with its
 *   `blob_partial_chunks`. A chunk is appended in one transaction holding that row
 *   `FOR UPDATE`, so the offset check and the append are one step for every process: a
 *   retried chunk arriving at another process waits, then sees the new offset.
 * - A blob is read one row per query on the pool, not in a transaction or a cursor: a phone
 *   downloading 10 MB over 2G for minutes then holds no connection and no snapshot
 *   (which would hold back vacuum). Stored blobs never change, so reading rows from
 *   different snapshots is safe; one removed mid-read ends the stream with an error.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { ByteRange } from '../../src/domain/blob-upload.ts';
import {
  changed,
  first,
  inTransaction,
  type Queryable,
} from '../store/postgres/postgres-client.ts';
import { type BlobBytes, type ChunkResult, MAX_PARTIALS_PER_UPLOADER } from './blob-bytes.ts';

/**
 * Bytes per row: small enough that no value is a burden to a query, a dump or a replica,
 * and that a reader holds little in memory; large enough that a 10 MB blob is 40 rows.
 */
export const BLOB_ROW_BYTES = 256 * 1024;

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);

/**
 * One row's bytes. node-postgres reads bytea as hex text (twice the bytes on the wire) and
 * decodes it natively into a Buffer; its binary result mode is per client, not per query,
 * and would change how every other column of the store is parsed.
 */
async function chunkBytes(
  db: Queryable,
  text: string,
  values: readonly unknown[],
): Promise<Buffer | undefined> {
  return (await first<{ bytes: Buffer }>(db, text, values))?.bytes;
}

/** Cuts a stream or a buffer into rows of exactly BLOB_ROW_BYTES (the last one shorter). */
async function* rowsOf(source: Uint8Array | AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  if (source instanceof Uint8Array) {
    for (let at = 0; at < source.length; at += BLOB_ROW_BYTES) {
      yield asBuffer(source.subarray(at, at + BLOB_ROW_BYTES));
    }
    return;
  }
  let held: Buffer[] = [];
  let heldBytes = 0;
  for await (const piece of source) {
    held.push(asBuffer(piece));
    heldBytes += piece.length;
    while (heldBytes >= BLOB_ROW_BYTES) {
      const all = Buffer.concat(held, heldBytes);
      yield all.subarray(0, BLOB_ROW_BYTES);
      held = [all.subarray(BLOB_ROW_BYTES)];
      heldBytes -= BLOB_ROW_BYTES;
    }
  }
  if (heldBytes > 0) yield Buffer.concat(held, heldBytes);
}

export function postgresBlobBytes(pool: pg.Pool, now: () => Date): BlobBytes {
  return {
    async exists(sha256) {
      return (
        (await first(pool, 'SELECT 1 FROM blob_contents WHERE sha256 = $1', [sha256])) !== undefined
      );
    },

    read(sha256) {
      let chunks: number | undefined;
      let seq = 0;
      // Two rows queued at most: the next row is fetched while the last is being sent.
      return new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            if (chunks === undefined) {
              const head = await first<{ chunks: number }>(
                pool,
                'SELECT chunks FROM blob_contents WHERE sha256 = $1',
                [sha256],
              );
              if (!head) throw new Error(`Blob ${sha256} is not stored`);
              chunks = head.chunks;
            }
            if (seq >= chunks) {
              controller.close();
              return;
            }
            const bytes = await chunkBytes(
              pool,
              'SELECT bytes FROM blob_chunks WHERE sha256 = $1 AND seq = $2',
              [sha256, seq],
            );
            if (!bytes) throw new Error(`Blob ${sha256} was removed while it was read`);
            seq += 1;
            controller.enqueue(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
          },
        },
        new CountQueuingStrategy({ highWaterMark: 2 }),
      );
    },

    async write(sha256, bytes) {
      let attempts = 0;
      await inTransaction(pool, async (db) => {
        attempts += 1;
        // inTransaction runs this again after a deadlock; a stream cannot be read twice.
        if (attempts > 1 && !(bytes instanceof Uint8Array)) {
          throw new Error(`Blob ${sha256}: a streamed write cannot be retried`);
        }
        // Another process storing the same bytes holds this key until it commits; then
        // nothing is inserted here, and its copy (the same bytes) stands.
        const claimed = await changed(
          db,
          `INSERT INTO blob_contents (sha256, size, chunks) VALUES ($1, 0, 0)
           ON CONFLICT DO NOTHING`,
          [sha256],
        );
        if (claimed === 0) return;
        let seq = 0;
        let size = 0;
        for await (const row of rowsOf(bytes)) {
          await db.query('INSERT INTO blob_chunks (sha256, seq, bytes) VALUES ($1, $2, $3)', [
            sha256,
            seq,
            row,
          ]);
          seq += 1;
          size += row.length;
        }
        await db.query('UPDATE blob_contents SET size = $2, chunks = $3 WHERE sha256 = $1', [
          sha256,
          size,
          seq,
        ]);
      });
    },

    async remove(sha256) {
      // The chunks go with it (ON DELETE CASCADE), in the same transaction.
      await pool.query('DELETE FROM blob_contents WHERE sha256 = $1', [sha256]);
    },

    async partialOffset(sha256, uploader) {
      const row = await first<{ size: number }>(
        pool,
        'SELECT size::integer AS size FROM blob_partials WHERE sha256 = $1 AND uploader = $2',
        [sha256, uploader],
      );
      return row?.size ?? 0;
    },

    appendChunk(sha256, uploader, range, bytes) {
      return inTransaction(pool, (db) =>
        appendChunk(db, now().toISOString(), sha256, uploader, range, bytes),
      );
    },

    async discardPartial(sha256, uploader) {
      await pool.query('DELETE FROM blob_partials WHERE sha256 = $1 AND uploader = $2', [
        sha256,
        uploader,
      ]);
    },

    async partialCount(uploader) {
      const row = await first<{ count: number }>(
        pool,
        'SELECT count(*)::integer AS count FROM blob_partials WHERE uploader = $1',
        [uploader],
      );
      return row?.count ?? 0;
    },

    async removeStalePartials(maxAgeMs, at = now()) {
      const before = new Date(at.getTime() - maxAgeMs).toISOString();
      return changed(pool, 'DELETE FROM blob_partials WHERE updated_at < $1', [before]);
    },
  };
}

async function appendChunk(
  db: pg.PoolClient,
  at: string,
  sha256: string,
  uploader: string,
  range: ByteRange,
  bytes: Uint8Array,
): Promise<ChunkResult> {
  // A first chunk creates the row; if another process is creating it, this waits for that
  // commit and then finds the row (whose offset has moved on) below.
  const created =
    range.start === 0 &&
    (await changed(
      db,
      `INSERT INTO blob_partials (sha256, uploader, size, chunks, updated_at)
       VALUES ($1, $2, 0, 0, $3) ON CONFLICT DO NOTHING`,
      [sha256, uploader, at],
    )) === 1;
  // FOR UPDATE: at READ COMMITTED it waits for any other append to this partial and then
  // reads the row as that one committed it.
  const partial = await first<{ size: number; chunks: number }>(
    db,
    `SELECT size::integer AS size, chunks FROM blob_partials
     WHERE sha256 = $1 AND uploader = $2 FOR UPDATE`,
    [sha256, uploader],
  );
  const offset = partial?.size ?? 0;
  if (!partial || offset !== range.start) return { kind: 'offset_mismatch', offset };
  if (created) {
    // The uploader's oldest partials beyond the limit make room (chunks go by cascade).
    await db.query(
      `DELETE FROM blob_partials WHERE uploader = $1 AND sha256 IN (
         SELECT sha256 FROM blob_partials WHERE uploader = $1 AND sha256 <> $2
         ORDER BY updated_at DESC, sha256 OFFSET $3)`,
      [uploader, sha256, MAX_PARTIALS_PER_UPLOADER - 1],
    );
  }
  let seq = partial.chunks;
  for await (const row of rowsOf(bytes)) {
    await db.query(
      'INSERT INTO blob_partial_chunks (sha256, uploader, seq, bytes) VALUES ($1, $2, $3, $4)',
      [sha256, uploader, seq, row],
    );
    seq += 1;
  }
  const stored = offset + bytes.length;
  await db.query(
    `UPDATE blob_partials SET size = $3, chunks = $4, updated_at = $5
     WHERE sha256 = $1 AND uploader = $2`,
    [sha256, uploader, stored, seq, at],
  );
  if (stored < range.total) return { kind: 'stored', offset: stored };

  // The last byte: the whole, streamed row by row through SHA-256 (at most 256 KB in memory).
  const hash = createHash('sha256');
  for (let index = 0; index < seq; index += 1) {
    const row = await chunkBytes(
      db,
      'SELECT bytes FROM blob_partial_chunks WHERE sha256 = $1 AND uploader = $2 AND seq = $3',
      [sha256, uploader, index],
    );
    if (!row) throw new Error(`Upload of ${sha256} lost chunk ${index}`);
    hash.update(row);
  }
  const discard = () =>
    db.query('DELETE FROM blob_partials WHERE sha256 = $1 AND uploader = $2', [sha256, uploader]);
  if (hash.digest('hex') !== sha256) {
    await discard();
    return { kind: 'hash_mismatch' };
  }
  // Moved within the database (no bytes through this process). When someone else finished
  // the same bytes first, theirs stand and this partial just goes.
  const claimed = await changed(
    db,
    `INSERT INTO blob_contents (sha256, size, chunks) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [sha256, stored, seq],
  );
  if (claimed === 1) {
    await db.query(
      `INSERT INTO blob_chunks (sha256, seq, bytes)
       SELECT sha256, seq, bytes FROM blob_partial_chunks WHERE sha256 = $1 AND uploader = $2`,
      [sha256, uploader],
    );
  }
  await discard();
  return { kind: 'complete', size: stored };
}
