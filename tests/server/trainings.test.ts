import { describe, expect, it, onTestFinished } from 'vitest';
import type { Participant } from '../../src/domain/attendance.ts';
import type { Training } from '../../src/domain/training.ts';
import {
  expectInvalid,
  freshServer,
  mutation,
  push,
  SEEDED,
  signedInUser,
  territoryId,
} from './helpers.ts';

const aksy = territoryId('aksy');
const kerben = territoryId('kerben');

const person = (id: string, over: Partial<Participant> = {}): Participant => ({
  id,
  name: `Участник ${id}`,
  sex: 'female',
  groups: [],
  position: 'council-deputy',
  municipalityId: kerben,
  days: ['2025-04-14'],
  ...over,
});

const training = (over: Partial<Training> = {}): Training => ({
  districtId: aksy,
  municipalityIds: [kerben],
  moduleCodes: ['methodology'],
  title: 'Методика разработки ПСЭР',
  dates: ['2025-04-14', '2025-04-15'],
  venue: 'Мэрия г. Кербен',
  trainers: 'Иманалиева Ж.',
  notes: '',
  status: 'held',
  attendance: {
    tally: { women: 0, men: 0, groups: {} },
    participants: [person('a'), person('b', { sex: 'male', days: ['2025-04-15'] })],
  },
  ...over,
});

describe('trainings on the server', () => {
  it("accepts a training with its roster in the consultant's district", async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'consultant', [aksy]);
    const m = await mutation({ type: 'training', body: training() });

    const reply = await push(api, [m]);

    expect(reply.body.results[0]).toMatchObject({ status: 'applied', rev: SEEDED + 1 });
    expect((await server.store.history(m.id))[0]?.body).toEqual(m.body);
  });

  it('rejects a roster or session that does not hold together, naming where', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'consultant', [aksy]);
    const roster = (...participants: Participant[]) => ({
      attendance: { tally: { women: 0, men: 0, groups: {} }, participants },
    });
    const cases: [Record<string, unknown>, (string | number)[]][] = [
      [training(roster(person('a'), person('a'))), ['attendance', 'participants']],
      [training(roster(person('a', { days: ['2025-05-01'] }))), ['attendance']],
      [training(roster(person('a', { name: '  ' }))), ['attendance', 'participants', 0, 'name']],
      [
        training(roster(person('a', { sex: 'x' as 'male' }))),
        ['attendance', 'participants', 0, 'sex'],
      ],
      [
        training(roster(person('a', { position: 'Council Deputy' }))),
        ['attendance', 'participants', 0, 'position'],
      ],
      [
        training({ attendance: { tally: { women: -1, men: 0, groups: {} }, participants: [] } }),
        ['attendance', 'tally', 'women'],
      ],
      [training({ dates: ['2025-04-15', '2025-04-14'] }), ['dates']],
      [training({ dates: [] }), ['dates']],
      [training({ municipalityIds: [] }), ['municipalityIds']],
      [training({ status: 'done' as 'held' }), ['status']],
    ];
    await expectInvalid(server, api, 'training', cases);
  });

  it("refuses a training of another consultant's district", async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const reply = await push(api, [await mutation({ type: 'training', body: training() })]);
    expect(reply.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'forbidden' },
    });
  });
});
