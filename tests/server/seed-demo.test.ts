/**
 * `npm run seed:demo`: the demo goes through the device repository and the real sync
 * engine to a real server, is valid, clearly marked, written once however often it runs
 * (by whichever account), and `--remove` takes exactly it away again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../scripts/seed-demo/seed.ts';
import { CHECKLIST_TEMPLATE_SEED } from '../../server/seed/checklist-seed.ts';
import { REFERENCE_ITEM_SEED } from '../../server/seed/reference-list-seed.ts';
import type { Evaluation } from '../../src/domain/checklist.ts';
import { compareEvaluations, overallScore } from '../../src/domain/checklist-score.ts';
import { recordTypeDefinition } from '../../src/domain/record-types.ts';
import { type Training, trainingSchema } from '../../src/domain/training.ts';
import { freshServer, PASSWORD, SEEDED, signedInUser, territoryId } from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Pulled = {
  id: string;
  type: string;
  deleted: boolean;
  updatedBy: string;
  body: Record<string, unknown>;
}[];

// Runs the demo seed through the sync engine against a real server: seconds under load.
describe('demo seed', { timeout: 90_000 }, () => {
  it('writes a marked, valid demo once, through sync, and removes it again', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const admin = await signedInUser(server, 'admin');
    const all = async () =>
      (await admin.api.get(`/api/sync/pull?since=${SEEDED}&limit=500`)).body.changes as Pulled;
    const run = (username: string, remove = false) =>
      seedDemo({ url: server.url, username, password: PASSWORD, remove });

    const first = await run(admin.user.username);
    expect(first.parked).toEqual([]);
    expect(first.written).toBeGreaterThan(30);
    expect(first.pushed).toBe(first.written);
    const demo = await all();
    expect(demo).toHaveLength(first.written);
    const count = (type: string) => demo.filter((r) => r.type === type).length;
    expect(count('territory')).toBe(6);
    expect(count('hearing')).toBe(18);
    expect(count('lessons-note')).toBe(6);
    expect(count('milestone')).toBeGreaterThan(10);
    // Three town trainings with rosters, a quick count and a planned one in each district.
    expect(count('training')).toBe(7);
    // Kochkor-Ata's first and revised drafts, Kerben's, Shamaldy-Say's (a draft).
    expect(count('evaluation')).toBe(4);
    for (const record of demo) {
      expect(record.updatedBy).toBe(admin.user.username);
      expect(recordTypeDefinition(record.type)?.schema.safeParse(record.body).success).toBe(true);
      const marked = JSON.stringify(record.body);
      expect(marked, `${record.type} ${record.id}`).toMatch(/ДЕМО|DEMO/);
    }
    const nooken = territoryId('nooken');
    const aksy = territoryId('aksy');
    expect(
      demo
        .filter((r) => r.type === 'hearing')
        .every((r) => [nooken, aksy].includes(r.body.districtId as string)),
    ).toBe(true);

    // Trainings: what the dashboard and the trainings module will read.
    const codes = (list: string) =>
      REFERENCE_ITEM_SEED.filter((i) => i.list === list).map((i) => i.code);
    const trainings = demo
      .filter((r) => r.type === 'training')
      .map((r) => trainingSchema.parse(r.body) as Training);
    for (const training of trainings) {
      expect(training.moduleCodes.every((c) => codes('training-module').includes(c))).toBe(true);
    }
    const rostered = trainings.filter((t) => t.attendance.participants.length > 0);
    expect(rostered.map((t) => t.municipalityIds).sort()).toEqual(
      [[territoryId('kerben')], [territoryId('kochkor-ata')], [territoryId('shamaldy-say')]].sort(),
    );
    for (const training of rostered) {
      const people = training.attendance.participants;
      expect(training.status).toBe('held');
      expect(training.dates.length).toBeGreaterThan(1);
      expect(people.length).toBeGreaterThanOrEqual(10);
      expect(people.length).toBeLessThanOrEqual(20);
      expect(new Set(people.map((p) => p.sex))).toEqual(new Set(['female', 'male']));
      expect(new Set(people.map((p) => p.name)).size).toBe(people.length);
      for (const person of people) {
        expect(person.name).toMatch(/^ДЕМО /);
        expect(codes('training-position')).toContain(person.position);
        expect(person.municipalityId).toBe(training.municipalityIds[0]);
        expect(person.days?.length).toBeGreaterThan(0);
      }
    }
    const counted = trainings.filter(
      (t) => t.status === 'held' && t.attendance.participants.length === 0,
    );
    expect(counted).toHaveLength(2);
    for (const training of counted) {
      expect(training.attendance.tally.women + training.attendance.tally.men).toBeGreaterThan(0);
    }
    const planned = trainings.filter((t) => t.status === 'planned');
    expect(planned).toHaveLength(2);
    // Planned after everything held (fixed dates, so a re-run changes nothing).
    const lastHeld = trainings
      .filter((t) => t.status === 'held')
      .flatMap((t) => t.dates)
      .sort()
      .at(-1);
    expect(planned.every((t) => (t.dates[0] ?? '') > (lastHeld ?? ''))).toBe(true);

    // Evaluations, scored against the seeded template: the two Kochkor-Ata drafts compare.
    const [template] = CHECKLIST_TEMPLATE_SEED;
    if (!template) throw new Error('no seeded template');
    const evaluations = demo
      .filter((r) => r.type === 'evaluation')
      .map((r) => r.body as unknown as Evaluation);
    expect(evaluations.every((e) => e.templateId === template.id)).toBe(true);
    expect(evaluations.map((e) => e.status).sort()).toEqual(['draft', 'final', 'final', 'final']);
    const kochkor = evaluations
      .filter((e) => e.territoryId === territoryId('kochkor-ata'))
      .sort((a, b) => a.date.localeCompare(b.date));
    expect(kochkor).toHaveLength(2);
    const [earlier, later] = kochkor.map((e) => ({ template, answers: e.answers }));
    if (!earlier || !later) throw new Error('two drafts expected');
    const comparison = compareEvaluations(earlier, later);
    expect(comparison.counts.improved).toBeGreaterThan(0);
    expect(comparison.overall.delta).toBeGreaterThan(0);
    for (const e of evaluations) {
      expect(overallScore(template, e.answers).percent).not.toBeNull();
    }

    // Again, and as a consultant of Aksy: the same records, so nothing new is sent.
    expect(await run(admin.user.username)).toMatchObject({ written: 0, pushed: 0 });
    const consultant = await signedInUser(server, 'consultant', [aksy]);
    const theirs = await run(consultant.user.username);
    expect(theirs).toMatchObject({ written: 0, pushed: 0, parked: [] });
    expect(theirs.unchanged).toBeGreaterThan(5);
    expect(await all()).toHaveLength(first.written);

    const removed = await run(admin.user.username, true);
    expect(removed.removed).toBe(first.written);
    expect(removed.parked).toEqual([]);
    const after = await all();
    expect(after.filter((r) => !r.deleted)).toEqual([]);
  });

  it('says when the account cannot sign in', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    await expect(
      seedDemo({ url: server.url, username: 'nobody', password: 'wrong-password' }),
    ).rejects.toThrow(/sign-in as nobody .* failed: HTTP 401/);
  });
});
