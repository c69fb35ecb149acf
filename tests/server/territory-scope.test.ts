/** Every territory a record names exists and lies inside its district (trust issue, point 6). */
import { describe, expect, it, onTestFinished } from 'vitest';
import { newHearing } from '../../src/domain/hearing.ts';
import { newTraining } from '../../src/domain/training.ts';
import { freshServer, mutation, push, signedInUser, territoryId, uuidv7 } from './helpers.ts';

const nooken = territoryId('nooken');
const kochkorAta = territoryId('kochkor-ata');
const shamaldySay = territoryId('shamaldy-say');
const kerben = territoryId('kerben');
const day = new Date('2025-04-14T10:00:00');

const heldTraining = (municipalityIds: string[]) => ({
  ...newTraining({ districtId: nooken, municipalityIds }, day),
  status: 'held' as const,
});
const approval = (territory: string) => ({
  districtId: nooken,
  territoryId: territory,
  kind: 'approved',
  date: '2025-04-14',
  resolutionNumber: '12-3',
});

describe('territories a record names', () => {
  it('refuses, with the path, a Nooken training or council approval for Kerben (Aksy) or for nowhere', async () => {
    const server = await freshServer(onTestFinished);
    for (const role of ['consultant', 'coordinator'] as const) {
      const { api } = await signedInUser(server, role, [nooken]);
      const changes = await Promise.all([
        mutation({ type: 'training', body: heldTraining([kochkorAta, kerben]) }),
        mutation({ type: 'training', body: heldTraining([uuidv7()]) }),
        mutation({ type: 'milestone', body: approval(kerben) }),
        mutation({ type: 'milestone', body: approval('no-such-place') }),
        mutation({
          type: 'hearing',
          body: newHearing({ districtId: nooken, municipalityId: kerben }, day),
        }),
        mutation({
          type: 'lessons-note',
          body: { districtId: nooken, municipalityId: kerben, title: 'x', text: '' },
        }),
      ]);
      const reply = await push(api, changes);
      expect(reply.status).toBe(200);
      const outcome = reply.body.results.map(
        (r: { status: string; error?: { code: string; path?: unknown } }) => [
          r.status,
          r.error?.code,
          r.error?.path,
        ],
      );
      expect(outcome).toEqual([
        ['rejected', 'territory', ['municipalityIds', 1]],
        ['rejected', 'territory', ['municipalityIds', 0]],
        ['rejected', 'territory', ['territoryId']],
        ['rejected', 'territory', ['territoryId']],
        ['rejected', 'territory', ['municipalityId']],
        ['rejected', 'territory', ['municipalityId']],
      ]);
      for (const change of changes) expect(await server.store.history(change.id)).toHaveLength(0);
    }
  });

  it('accepts territories of the district, the district itself, and people from elsewhere', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'consultant', [nooken]);
    const training = heldTraining([kochkorAta, shamaldySay]);
    training.attendance.participants = [
      {
        id: 'p1',
        name: 'Гость из Кербена',
        sex: 'female',
        groups: [],
        municipalityId: kerben,
        organisation: 'Kerben school',
        days: training.dates,
      },
    ];
    const changes = await Promise.all([
      mutation({ type: 'training', body: training }),
      mutation({ type: 'milestone', body: approval(nooken) }),
      mutation({ type: 'milestone', body: approval(kochkorAta) }),
    ]);
    const reply = await push(api, changes);
    expect(reply.body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
  });

  it('still accepts a territory merged away by the reform, and one added in the same batch', async () => {
    const server = await freshServer(onTestFinished);
    const admin = await signedInUser(server, 'admin');
    const retiredId = uuidv7();
    const retired = await mutation({
      type: 'territory',
      id: retiredId,
      body: {
        kind: 'municipality',
        code: 'old-aiyl',
        names: { ru: 'Старый', ky: 'Эски', en: 'Old' },
        parentId: nooken,
        validTo: '2024-12-31',
        successorId: kochkorAta,
      },
    });
    const hearing = await mutation({
      type: 'hearing',
      body: newHearing({ districtId: nooken, municipalityId: retiredId }, day),
    });
    const reply = await push(admin.api, [retired, hearing]);
    expect(reply.body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
    ]);
  });

  it('refuses a lessons note or milestone filed under no district, or under a region or a municipality', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'coordinator');
    const jalalAbad = territoryId('jalal-abad');
    const noteIn = (districtId: string) => ({ districtId, title: 'Hall too small', text: '' });
    const changes = await Promise.all([
      mutation({ type: 'lessons-note', body: noteIn('district-a') }),
      mutation({ type: 'lessons-note', body: noteIn(jalalAbad) }),
      mutation({ type: 'milestone', body: { ...approval(kochkorAta), districtId: kochkorAta } }),
      mutation({ type: 'lessons-note', body: noteIn(nooken) }),
    ]);
    const reply = await push(api, changes);
    expect(
      reply.body.results.map((r: { status: string; error?: { code: string; path?: unknown } }) => [
        r.status,
        r.error?.code,
        r.error?.path,
      ]),
    ).toEqual([
      ['rejected', 'territory', ['districtId']],
      ['rejected', 'territory', ['districtId']],
      ['rejected', 'territory', ['districtId']],
      ['applied', undefined, undefined],
    ]);
    expect(reply.body.results[0].error.message).toBe('no territory district-a exists');
    expect(reply.body.results[1].error.message).toBe(`territory ${jalalAbad} is not a district`);
  });
});
