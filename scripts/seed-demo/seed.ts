/**
 * The demo written through the device's own record repository (Dexie over fake-indexeddb,
 * in memory) and sent by the real sync engine over HTTP, exactly as a phone would; see
 * cli.ts for what it holds and how to run it.
 */
import 'fake-indexeddb/auto';
import { createDatabase, type SedpDatabase } from '../../src/db/database.ts';
import { createRecordRepository } from '../../src/db/record-repository.ts';
import { createSyncStore } from '../../src/db/sync-store.ts';
import { canonicalJson } from '../../src/domain/canonical-json.ts';
import {
  type BodyOf,
  isRecordTypeName,
  type RecordTypeName,
  recordTypeDefinition,
} from '../../src/domain/record-types.ts';
import type { LoginResponse, SessionUser } from '../../src/domain/sync-protocol.ts';
import type { Territory } from '../../src/domain/territory.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import { createLocalLock } from '../../src/sync/lock.ts';
import { demoId, type Place } from './basics.ts';
import { demoBodies } from './bodies.ts';
import { DEMO_AIMAKS } from './people.ts';

export interface SeedOptions {
  url: string;
  username: string;
  password: string;
  /** Delete the demo records instead of writing them. */
  remove?: boolean;
  log?: (line: string) => void;
}

export interface SeedSummary {
  written: number;
  unchanged: number;
  removed: number;
  pushed: number;
  parked: { type: string; id: string; error: string | null }[];
}

export interface DemoRecord {
  type: string;
  id: string;
  body: Record<string, unknown>;
}

async function login(url: string, username: string, password: string): Promise<LoginResponse> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) {
    throw new Error(`sign-in as ${username} at ${url} failed: HTTP ${response.status}`);
  }
  return (await response.json()) as LoginResponse;
}

const placeOf = (territory: { id: string; body: Territory }, districtId: string): Place => ({
  id: territory.id,
  districtId,
  names: territory.body.names,
  code: territory.body.code,
  municipalityType: territory.body.municipalityType,
});

/** The demo territories (admins only) and records for what this account may write. */
async function demoRecords(db: SedpDatabase, user: SessionUser): Promise<DemoRecord[]> {
  const territories = (await db.records.where('type').equals('territory').toArray()).filter(
    (r) => !r.deleted,
  ) as unknown as { id: string; body: Territory }[];
  const districts = territories.filter(
    (t) =>
      t.body.kind === 'district' &&
      (t.body.code === 'nooken' || t.body.code === 'aksy') &&
      (user.role !== 'consultant' || user.districtIds.includes(t.id)),
  );
  if (districts.length === 0) {
    throw new Error('the account may not write in Nooken or Aksy district, or they are missing');
  }
  const records: DemoRecord[] = [];
  const places: Place[] = [];
  for (const district of districts) {
    const towns = territories.filter(
      (t) =>
        t.body.parentId === district.id && t.body.kind === 'municipality' && !t.body.successorId,
    );
    for (const town of towns.filter((t) => !t.body.code.startsWith('demo-'))) {
      places.push(placeOf(town, district.id));
    }
    if (user.role !== 'admin') {
      for (const demo of towns.filter((t) => t.body.code.startsWith('demo-'))) {
        places.push(placeOf(demo, district.id));
      }
      continue;
    }
    for (const aimak of DEMO_AIMAKS[district.body.code] ?? []) {
      const id = await demoId(`territory:${aimak.code}`);
      const body: Territory = {
        kind: 'municipality',
        code: aimak.code,
        names: {
          ru: `${aimak.ru} (ДЕМО)`,
          ky: `${aimak.ky} (ДЕМО)`,
          en: `${aimak.en} (DEMO)`,
        },
        parentId: district.id,
        municipalityType: 'aiyl-aimak',
        target: true,
      };
      records.push({ type: 'territory', id, body });
      places.push(placeOf({ id, body }, district.id));
    }
  }
  places.sort((a, b) => a.districtId.localeCompare(b.districtId) || a.id.localeCompare(b.id));
  const bodies = demoBodies(
    places,
    districts.map((d) => ({ id: d.id, code: d.body.code })),
  );
  for (const { key, type, body } of bodies) {
    records.push({ type, id: await demoId(key), body });
  }
  return records;
}

/** Writes (or removes) the demo through the device repository and syncs it. */
export async function seedDemo(options: SeedOptions): Promise<SeedSummary> {
  const log = options.log ?? (() => {});
  const url = options.url.replace(/\/+$/, '');
  const { token, user } = await login(url, options.username, options.password);
  log(`signed in as ${user.username} (${user.role})`);
  const db = createDatabase(`sedp-seed-demo-${Date.now()}-${Math.random()}`);
  const repo = createRecordRepository({ db, author: () => 'seed-demo' });
  const engine = createSyncEngine({
    store: createSyncStore(db),
    transport: createHttpTransport({ baseUrl: url, getToken: () => token }),
    lock: createLocalLock(),
    deviceId: `seed-demo-${user.username}`,
  });
  try {
    const sync = async () => {
      const outcome = await engine.syncNow();
      if (outcome.kind === 'failed') throw new Error(`sync failed: ${outcome.error.message}`);
      if (outcome.kind === 'busy') throw new Error('sync did not run');
      return outcome;
    };
    // Pull first: the territories to build on, and any earlier demo (its revisions).
    await sync();
    const records = await demoRecords(db, user);
    const summary: SeedSummary = { written: 0, unchanged: 0, removed: 0, pushed: 0, parked: [] };
    for (const record of records) {
      const { type, id } = record;
      if (!isRecordTypeName(type)) throw new Error(`demo ${type} ${id}: no such record type`);
      const existing = await repo.get(type, id);
      if (options.remove) {
        if (existing) {
          await repo.remove({ type, id });
          summary.removed += 1;
        }
        continue;
      }
      const definition = recordTypeDefinition(record.type);
      const parsed = definition?.schema.safeParse(record.body);
      if (!parsed?.success) {
        throw new Error(`demo ${record.type} ${record.id} is invalid: ${parsed?.error.message}`);
      }
      if (existing && canonicalJson(existing.body) === canonicalJson(record.body)) {
        summary.unchanged += 1;
        continue;
      }
      await repo.put({ type, id, body: record.body as BodyOf<RecordTypeName> });
      summary.written += 1;
    }
    const outcome = await sync();
    summary.pushed = outcome.kind === 'done' ? outcome.pushed : 0;
    summary.parked = (await db.outbox.where('state').equals('parked').toArray()).map((e) => ({
      type: e.type,
      id: e.id,
      error: e.lastError,
    }));
    return summary;
  } finally {
    engine.dispose();
    await db.delete();
  }
}
