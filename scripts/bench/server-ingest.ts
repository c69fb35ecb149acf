/**
 * Server ingest: N lessons-note mutations (about 1 KB each) pushed over HTTP in batches of
 * 100, one after another, to the real app on a durable SQLite store (WAL, synchronous=FULL)
 * in a temporary directory. Target (DESIGN.md): at least 10,000 mutations/s on 2 cores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { v7 as uuidv7 } from 'uuid';
import { createApp } from '../../server/app.ts';
import { createAccount } from '../../server/auth/accounts.ts';
import { seedReferenceData } from '../../server/seed/seed-reference-data.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import { bodyHash } from '../../src/domain/hash.ts';
import type { MutationResult } from '../../src/domain/sync-protocol.ts';
import { TERRITORY_SEED } from '../../src/domain/territory-seed.ts';
import { BENCH_FAIR_USE } from './bench-fair-use.ts';

const seededId = (code: string) => TERRITORY_SEED.find((t) => t.code === code)?.id ?? code;
const NOOKEN = seededId('nooken');
/** Municipalities of Nooken district (the territory rule refuses others). */
const MUNICIPALITIES = [seededId('kochkor-ata'), seededId('shamaldy-say')];

export interface ServerIngestOptions {
  /** Mutations in all (default 10,000). */
  n?: number;
  /** Mutations per push (default 100, the protocol's maximum). */
  batchSize?: number;
}

export interface ServerIngestFigures {
  mutationsPerSecond: number;
  n: number;
  seconds: number;
}

const TEXT =
  'Жыйынга 42 киши катышты: 23 аял, 19 эркек. Women asked for the kindergarten repair to be ' +
  'moved up the list; the youth group wants a sports ground near the school. Айыл өкмөтү ' +
  'бюджеттин долбоорун кайра карап чыгууга убада берди. Next hearing after the harvest. ';
/** The note's text (700 characters), also used for records stored straight through SQL. */
export const LESSONS_TEXT = TEXT.repeat(4).slice(0, 700);

/**
 * About 1 KB of canonical JSON, Kyrgyz and English as in the field: a lessons note in
 * Nooken by default, or in the district (and municipality, if any) given.
 */
export async function lessonsNoteMutation(
  i: number,
  place: { districtId: string; municipalityId?: string } = {
    districtId: NOOKEN,
    municipalityId: MUNICIPALITIES[i % MUNICIPALITIES.length],
  },
) {
  const body = {
    districtId: place.districtId,
    ...(place.municipalityId === undefined ? {} : { municipalityId: place.municipalityId }),
    title: `Lessons from hearing ${i}`,
    text: LESSONS_TEXT,
  };
  return {
    mutationId: uuidv7(),
    type: 'lessons-note',
    id: uuidv7(),
    op: 'put' as const,
    baseRev: 0,
    body,
    hash: await bodyHash(body),
  };
}
