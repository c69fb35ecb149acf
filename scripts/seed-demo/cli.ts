/**
 * Demo data for trying the dashboard: municipalities of Nooken and Aksy districts with
 * public hearings (attendance, proposals), programme stages, field notes, trainings and
 * evaluations of draft programmes, written through the device's own record repository
 * (Dexie over fake-indexeddb, in memory) and sent by the real sync engine over HTTP,
 * exactly as a phone would.
 *
 * - Trainings: each target town (Kochkor-Ata, Shamaldy-Say, Kerben) has a held three-day
 *   training with a named roster (10–20 people, both sexes, positions, days attended);
 *   each district has a one-day training in an aiyl aimak recorded by quick count only,
 *   and a planned training still to come (September 2027).
 * - Evaluations, against the seeded checklist template (version 1): Kochkor-Ata's first
 *   and revised drafts (both final, so the comparison has data), Kerben's draft (final)
 *   and Shamaldy-Say's (a draft, half answered).
 *
 * Everything is marked as demo: names, titles and labels start with "ДЕМО"/"DEMO", and ids
 * are fixed, so running it again changes nothing and `--remove` deletes exactly what it made.
 *
 *   SEDP_URL=http://localhost:8080 SEDP_USER=demo SEDP_PASSWORD=… npm run seed:demo
 *   npm run seed:demo -- --url http://localhost:8080 --user demo --remove
 *
 * An admin account makes six demo aiyl aimaks as well (territories are admin-only);
 * with a coordinator or consultant account only the towns already there are used.
 * The server records the account as the author: a dedicated `demo` account keeps demo
 * records apart (`npm run users -- add demo --role admin --name "DEMO"`).
 */
import { seedDemo } from './seed.ts';

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    console.log(
      'npm run seed:demo -- [--url URL] [--user NAME] [--password PASSWORD] [--remove]\n' +
        'or SEDP_URL, SEDP_USER, SEDP_PASSWORD in the environment (default URL http://localhost:8080).',
    );
    return;
  }
  const url = option(args, 'url') ?? process.env.SEDP_URL ?? 'http://localhost:8080';
  const username = option(args, 'user') ?? process.env.SEDP_USER;
  const password = option(args, 'password') ?? process.env.SEDP_PASSWORD;
  if (!username || !password) {
    console.error('Give the account: SEDP_USER and SEDP_PASSWORD (or --user and --password).');
    process.exitCode = 2;
    return;
  }
  const remove = args.includes('--remove');
  const summary = await seedDemo({ url, username, password, remove, log: console.log });
  if (remove) console.log(`demo records removed: ${summary.removed}; sent: ${summary.pushed}`);
  else {
    console.log(
      `demo records written: ${summary.written}, already there: ${summary.unchanged}; sent: ${summary.pushed}`,
    );
  }
  for (const parked of summary.parked) {
    console.error(`refused by the server: ${parked.type} ${parked.id}: ${parked.error}`);
  }
  if (summary.parked.length > 0) process.exitCode = 1;
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
