import type { APIRequestContext, Page } from '@playwright/test';
import { CHECKLIST_TEMPLATE_SEED } from '../../server/seed/checklist-seed.ts';
import { TERRITORY_SEED } from '../../server/seed/territory-seed.ts';
import { bodyHash, sha256Hex } from '../../src/domain/hash.ts';
import { newHearing } from '../../src/domain/hearing.ts';
import { newTraining } from '../../src/domain/training.ts';
import { expect } from './fixtures.ts';
import { E2E_PASSWORD } from './global-setup.ts';

const territory = (code: string) => {
  const found = TERRITORY_SEED.find((t) => t.code === code);
  if (!found) throw new Error(code);
  return found.id;
};
const NOOKEN = territory('nooken');
const KOCHKOR = territory('kochkor-ata');
const SHAMALDY = territory('shamaldy-say');

/** A fixed UUID (v8) for a name: pushing again after a retried test stores nothing twice. */
export async function fixedId(name: string) {
  const hex = await sha256Hex(`e2e-documents:${name}`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Long, real-looking words: the widest a cell of a printed document gets in practice. */
const PEOPLE = [
  'Абдыкадырова Мээрим Жумабековна',
  'Осмонов Талант Кубанычбекович',
  'Жумабаева Бермет Алмазбековна',
  'Бекмуратов Азамат Эрмекович',
  'Садыкова Нургуль Токтогуловна',
  'Касымов Эрлан Бактыбекович',
];

/** Five days: the most the attendance sheet fits on one page width. */
const DAYS = ['2020-03-02', '2020-03-03', '2020-03-04', '2020-03-05', '2020-03-06'];

const participants = (count: number, withDays: boolean) =>
  Array.from({ length: count }, (_, i) => ({
    id: `p${i + 1}`,
    name: PEOPLE[i % PEOPLE.length] ?? 'Участник',
    sex: i % 2 === 0 ? 'female' : 'male',
    groups: i % 3 === 0 ? ['youth'] : [],
    position: 'municipal-staff',
    organisation: 'Айыл өкмөтү Кочкор-Атинского айылного аймака',
    municipalityId: i % 2 === 0 ? KOCHKOR : SHAMALDY,
    phone: '+996 555 123 456',
    ...(withDays ? { days: DAYS.filter((_, d) => (i + d) % 4 !== 0) } : {}),
  }));

const comment =
  'Протокол заседания рабочей группы, список участников по полу и группам, фотографии.';

/** The records the document journeys print: a hearing, a training, an evaluation, a report. */
export async function documentRecords() {
  const template = CHECKLIST_TEMPLATE_SEED[0];
  if (!template) throw new Error('no checklist template seed');
  const answers = Object.fromEntries(
    template.dimensions.flatMap((d) =>
      d.criteria.map((c, i) => [
        c.code,
        { score: i % 3 === 0 ? 0.5 : 1, comment, evidence: 'Распоряжение № 12 от 05.02.2020' },
      ]),
    ),
  );
  const records = {
    hearing: {
      type: 'hearing',
      body: {
        ...newHearing({ districtId: NOOKEN, municipalityId: KOCHKOR }, new Date(2020, 1, 14, 10)),
        venue: 'Айыл өкмөтү, чоң зал',
        organiser: 'Айыл өкмөтү',
        chair: 'Председатель айылного кенеша',
        secretary: 'Секретарь',
        endTime: '12:00',
        attendance: {
          tally: { women: 0, men: 0, groups: {} },
          participants: participants(40, false),
        },
        proposals: Array.from({ length: 8 }, (_, i) => ({
          id: `q${i + 1}`,
          text: `Предложение ${i + 1}: отремонтировать дорогу к школе и построить детскую площадку в центре села`,
          raisedBy: i % 2 === 0 ? ['women'] : ['youth'],
          response: i % 3 === 0 ? 'rejected' : 'accepted',
          ...(i % 3 === 0 ? { reason: 'Нет бюджета на этот год' } : {}),
        })),
      },
    },
    training: {
      type: 'training',
      body: {
        ...newTraining(
          { districtId: NOOKEN, municipalityIds: [KOCHKOR, SHAMALDY] },
          new Date(2020, 2, 2),
        ),
        moduleCodes: ['methodology', 'gender-inclusion'],
        dates: DAYS,
        venue: 'Районная администрация, зал заседаний',
        trainers: 'Иманалиева Жыпар',
        status: 'held',
        attendance: {
          tally: { women: 0, men: 0, groups: {} },
          participants: participants(30, true),
        },
      },
    },
    evaluation: {
      type: 'evaluation',
      body: {
        districtId: NOOKEN,
        territoryId: KOCHKOR,
        draftLabel: 'Проект ПСЭР, версия 2',
        evaluator: 'Аида Осмонова',
        date: '2020-04-10',
        templateId: template.id,
        answers,
        status: 'final',
      },
    },
    report: {
      type: 'lessons-report',
      body: {
        title: 'Lessons learned, 2020',
        language: 'en',
        from: '2020-01-01',
        to: '2020-12-31',
        challenges:
          'Hearings held after the harvest drew twice as many women.\n\nYouth came when invited through schools.',
        lessons: 'Invite women through the women councils.',
        recommendations: 'Hold hearings in the afternoon.',
        status: 'draft',
      },
    },
  } as const;
  return records;
}

export type DocumentRecords = Awaited<ReturnType<typeof documentRecords>>;
export type DocumentIds = Record<keyof DocumentRecords, string>;

async function tokenOf(request: APIRequestContext, username: string) {
  const login = await request.post('/api/auth/login', {
    data: { username, password: E2E_PASSWORD },
  });
  expect(login.status()).toBe(200);
  return ((await login.json()) as { token: string }).token;
}

/** Pushes the document records as the admin, through the sync API; returns their ids. */
export async function pushDocumentRecords(request: APIRequestContext): Promise<DocumentIds> {
  const records = await documentRecords();
  const token = await tokenOf(request, 'admin');
  const keys = Object.keys(records) as (keyof DocumentRecords)[];
  const ids = Object.fromEntries(
    await Promise.all(keys.map(async (key) => [key, await fixedId(`record:${key}`)])),
  ) as DocumentIds;
  const mutations = await Promise.all(
    keys.map(async (key) => ({
      mutationId: await fixedId(`mutation:${key}`),
      type: records[key].type,
      id: ids[key],
      op: 'put',
      baseRev: 0,
      body: records[key].body,
      hash: await bodyHash(records[key].body),
    })),
  );
  const response = await request.post('/api/sync/push', {
    headers: { authorization: `Bearer ${token}` },
    data: { deviceId: 'e2e-documents', schemaVersion: 1, mutations },
  });
  const { results } = (await response.json()) as { results: { status: string }[] };
  expect(JSON.stringify(results)).not.toContain('rejected');
  return ids;
}

const LAST_SYNC = {
  en: /^Last successful sync: /,
  ru: /^Последняя успешная синхронизация: /,
  ky: /^Акыркы ийгиликтүү синхрондоштуруу: /,
} as const;

/** Waits until the first pull after signing in has brought the records in. */
export async function waitForPull(page: Page, language: keyof typeof LAST_SYNC = 'en') {
  await page.goto('/sync');
  await expect(page.getByText(LAST_SYNC[language])).toBeVisible();
}
