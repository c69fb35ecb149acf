/**
 * Push side by side in one Chromium: SEDP Field (the real app, its server on durable SQLite)
 * and PouchDB (IndexedDB adapter, replicating to express-pouchdb on LevelDB), the same
 * records, alternating which goes first in each round. Also the same SEDP push with the
 * hearings list open on many hearings against the Sync screen open, alternated the same way.
 * `node --experimental-strip-types scripts/bench/sync-side-by-side.ts [rounds]` runs it alone.
 */
import { loadavg } from 'node:os';
import { TERRITORY_SEED } from '../../server/seed/territory-seed.ts';
import { launchBenchBrowser, openSedpDevice, type SyncRun } from './browser-sync.ts';
import { openPouchDevice } from './pouchdb-sync.ts';

const NOOKEN = TERRITORY_SEED.find((t) => t.code === 'nooken')?.id ?? 'nooken';
const load1 = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;

export interface SideBySideSize {
  n: number;
  sedpPush: number[];
  sedpCycle: number[];
  pouch: number[];
  /** SEDP push time / PouchDB time, per round. */
  ratios: number[];
  /** The engine's timing marks of SEDP's runs, summed over the rounds (ms). */
  marks: Record<string, number>;
  recordBytes: number;
  loadAtStart: number;
}

export interface SideBySide {
  adapters: { browser: string; server: string };
  sizes: SideBySideSize[];
}

const sumMarks = (into: Record<string, number>, run: SyncRun) => {
  for (const [name, ms] of Object.entries(run.marks)) into[name] = (into[name] ?? 0) + ms;
};

export async function benchPushSideBySide(
  sizes: number[] = [1000, 5000],
  rounds = 5,
): Promise<SideBySide> {
  const browser = await launchBenchBrowser();
  try {
    const sedp = await openSedpDevice(browser);
    const pouch = await openPouchDevice(browser, NOOKEN);
    try {
      // One warm-up each (code, caches, the first database pages), not counted.
      await sedp.run(1000);
      await pouch.run(1000);
      const result: SideBySideSize[] = [];
      for (const n of sizes) {
        const size: SideBySideSize = {
          n,
          sedpPush: [],
          sedpCycle: [],
          pouch: [],
          ratios: [],
          marks: {},
          recordBytes: 0,
          loadAtStart: load1(),
        };
        for (let round = 0; round < rounds; round += 1) {
          let ours: SyncRun | undefined;
          let theirs = 0;
          // Alternate which goes first, so a machine getting busier hurts neither more.
          for (const who of round % 2 === 0 ? ['sedp', 'pouch'] : ['pouch', 'sedp']) {
            if (who === 'sedp') ours = await sedp.run(n);
            else theirs = (await pouch.run(n)).seconds;
          }
          if (!ours) throw new Error('no SEDP run');
          size.sedpPush.push(ours.push);
          size.sedpCycle.push(ours.cycle);
          size.pouch.push(theirs);
          size.ratios.push(ours.push / theirs);
          size.recordBytes = ours.recordBytes;
          sumMarks(size.marks, ours);
        }
        result.push(size);
      }
      return { adapters: pouch.adapters, sizes: result };
    } finally {
      await pouch.close();
      await sedp.close();
    }
  } finally {
    await browser.close();
  }
}

export interface ScreenFigures {
  hearings: number;
  n: number;
  syncScreen: number[];
  hearingsList: number[];
  /** Push time with the hearings list open / with the Sync screen open, per round. */
  ratios: number[];
  loadAtStart: number;
}

/** The same push with the hearings list open on `hearings` hearings, or the Sync screen. */
export async function benchScreenDuringPush(
  hearings = 8000,
  n = 1000,
  rounds = 5,
): Promise<ScreenFigures> {
  const device = await openSedpDevice();
  try {
    await device.addHearings(hearings);
    await device.run(n, 'sync');
    await device.run(n, 'hearings');
    const figures: ScreenFigures = {
      hearings,
      n,
      syncScreen: [],
      hearingsList: [],
      ratios: [],
      loadAtStart: load1(),
    };
    for (let round = 0; round < rounds; round += 1) {
      let sync = 0;
      let list = 0;
      for (const screen of round % 2 === 0 ? ['sync', 'hearings'] : ['hearings', 'sync']) {
        if (screen === 'sync') sync = (await device.run(n, 'sync')).push;
        else list = (await device.run(n, 'hearings')).push;
      }
      figures.syncScreen.push(sync);
      figures.hearingsList.push(list);
      figures.ratios.push(list / sync);
    }
    return figures;
  } finally {
    await device.close();
  }
}

if (import.meta.main) {
  const rounds = Number(process.argv[2] ?? 5);
  console.log(JSON.stringify(await benchPushSideBySide([1000, 5000], rounds), null, 1));
  console.log(JSON.stringify(await benchScreenDuringPush(8000, 1000, rounds), null, 1));
}
