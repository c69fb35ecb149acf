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
import 'fake-indexeddb/auto';
import { createDatabase, type SedpDatabase } from '../src/db/database.ts';
import { createRecordRepository } from '../src/db/record-repository.ts';
import { createSyncStore } from '../src/db/sync-store.ts';
import { canonicalJson } from '../src/domain/canonical-json.ts';
import { type Answers, criteriaOf, type Evaluation } from '../src/domain/checklist.ts';
import { CHECKLIST_TEMPLATE_SEED } from '../src/domain/checklist-seed.ts';
import { sha256Hex } from '../src/domain/hash.ts';
import type { Hearing, Proposal } from '../src/domain/hearing.ts';
import type { Milestone } from '../src/domain/milestone.ts';
import {
  type BodyOf,
  isRecordTypeName,
  type RecordTypeName,
  recordTypeDefinition,
} from '../src/domain/record-types.ts';
import type { LoginResponse, SessionUser } from '../src/domain/sync-protocol.ts';
import type { Territory } from '../src/domain/territory.ts';
import type { Training } from '../src/domain/training.ts';
import { createSyncEngine } from '../src/sync/engine.ts';
import { createHttpTransport } from '../src/sync/http-transport.ts';
import { createLocalLock } from '../src/sync/lock.ts';

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

/** A fixed UUID (version 8) from a demo key, as the reference seeds make theirs. */
export async function demoId(key: string): Promise<string> {
  const hex = await sha256Hex(`sedp-field:demo:${key}`);
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A small deterministic random source, so every run makes the same demo. */
function randomFrom(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    chance: (p: number) => next() < p,
  };
}

interface Place {
  id: string;
  districtId: string;
  names: Territory['names'];
  /** The territory's code (`kochkor-ata`, `demo-massy`); absent: none known. */
  code?: string;
  municipalityType?: Territory['municipalityType'];
}

const DEMO_AIMAKS: Record<string, { code: string; ru: string; ky: string; en: string }[]> = {
  nooken: [
    { code: 'demo-massy', ru: 'Массы', ky: 'Массы', en: 'Massy' },
    { code: 'demo-dostuk', ru: 'Достук', ky: 'Достук', en: 'Dostuk' },
    { code: 'demo-birlik', ru: 'Бирлик', ky: 'Бирлик', en: 'Birlik' },
  ],
  aksy: [
    { code: 'demo-ak-zhol', ru: 'Ак-Жол', ky: 'Ак-Жол', en: 'Ak-Zhol' },
    { code: 'demo-kara-zhygach', ru: 'Кара-Жыгач', ky: 'Кара-Жыгач', en: 'Kara-Zhygach' },
    { code: 'demo-zhany-zhol', ru: 'Жаны-Жол', ky: 'Жаңы-Жол', en: 'Zhany-Zhol' },
  ],
};

const PROPOSALS: { text: string; raisedBy: string[] }[] = [
  { text: 'Отремонтировать водопровод в верхней части села', raisedBy: ['women'] },
  { text: 'Открыть группу детского сада на 25 мест', raisedBy: ['women', 'youth'] },
  { text: 'Установить уличное освещение по дороге к школе', raisedBy: ['women'] },
  { text: 'Оборудовать спортивную площадку для молодёжи', raisedBy: ['youth'] },
  { text: 'Пандус и поручни у здания айыл окмоту', raisedBy: ['disability'] },
  { text: 'Курсы по предпринимательству для женщин', raisedBy: ['women'] },
  { text: 'Очистить оросительный канал до начала полива', raisedBy: ['men'] },
  { text: 'Ремонт моста через сай', raisedBy: ['men', 'elderly'] },
  { text: 'Кружки и компьютерный класс в доме культуры', raisedBy: ['youth'] },
  { text: 'Консультации для семей трудовых мигрантов', raisedBy: ['migrant-families', 'women'] },
  { text: 'Скамейки и навес у фельдшерско-акушерского пункта', raisedBy: ['elderly'] },
  { text: 'Ремонт дороги на летнее пастбище', raisedBy: ['men'] },
];

const NOTES: { title: string; text: string }[] = [
  {
    title: 'Слушания в период уборки урожая',
    text: 'В сентябре женщины заняты на полях: на слушания пришло вдвое меньше женщин, чем в ноябре. Планировать слушания после уборки.',
  },
  {
    title: 'Отдельная встреча с женщинами',
    text: 'Отдельная фокус-группа с женщинами дала в три раза больше предложений, чем общие слушания. Проводить её до общих слушаний.',
  },
  {
    title: 'Нет разукрупнённых данных',
    text: 'Отраслевые профили не содержат данных по полу и инвалидности; айыл окмоту нужна помощь в сборе данных через ФАП и школу.',
  },
  {
    title: 'Молодёжь через школы',
    text: 'Приглашения через школы и молодёжный комитет привели на слушания старшеклассников и молодых родителей.',
  },
  {
    title: 'Доступность зала',
    text: 'Зал на втором этаже без пандуса: люди с инвалидностью не смогли прийти. Слушания перенесли в дом культуры.',
  },
  {
    title: 'Связь с бюджетом',
    text: 'Принятые предложения не попали в проект бюджета: нужно согласовывать план действий с финансовым отделом до утверждения.',
  },
];

const GROUPS = ['youth', 'elderly', 'disability', 'migrant-families', 'large-low-income'];
const PEOPLE = {
  female: ['Айгүл Токтосунова', 'Гүлнара Мамытова', 'Жыпар Асанова', 'Нургүл Бекова'],
  male: ['Эрмек Садыков', 'Бакыт Жумабаев', 'Нурлан Осмонов', 'Азамат Токтогулов'],
};

function iso(year: number, month: number, day: number) {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Hearings, stages and notes for the given places: the demo, before ids are assigned. */
export function demoBodies(
  places: readonly Place[],
  districts: readonly { id: string; code: string }[],
) {
  const out: { key: string; type: string; body: Record<string, unknown> }[] = [];
  // Everything about a place follows from its id, so any account's run makes the same records.
  for (const place of places) {
    const index = Number.parseInt(place.id.replace(/-/g, '').slice(0, 6), 16) % 1000;
    const random = randomFrom(index * 7919 + 17);
    const name = place.names.ru;
    for (const [round, stage, year, month] of [
      [0, 'participation', 2024, 10 + (index % 3)],
      [1, 'draft', 2025, 2 + (index % 3)],
    ] as const) {
      const women = random.int(12, 45);
      const men = random.int(10, 40);
      const groups: Record<string, number> = {};
      for (const group of GROUPS) {
        if (random.chance(0.7))
          groups[group] = random.int(1, Math.max(1, Math.floor((women + men) / 4)));
      }
      // One hearing of each district was recorded as a named list, not counted live.
      const listed = round === 1 && index % 3 === 0;
      const participants = listed
        ? Array.from({ length: random.int(6, 10) }, (_, i) => {
            const sex = random.chance(0.55) ? ('female' as const) : ('male' as const);
            return {
              id: `p${i + 1}`,
              name: random.pick(PEOPLE[sex]),
              sex,
              groups: random.chance(0.4) ? [random.pick(GROUPS)] : [],
            };
          })
        : [];
      const proposals: Proposal[] = Array.from({ length: random.int(2, 5) }, (_, i) => {
        const template = random.pick(PROPOSALS);
        const response = random.pick([
          'accepted',
          'accepted',
          'accepted',
          'rejected',
          'considering',
          'pending',
        ] as const);
        return {
          id: `q${i + 1}`,
          text: template.text,
          raisedBy: template.raisedBy,
          response,
          ...(response === 'rejected' ? { reason: 'Нет средств в бюджете этого года' } : {}),
          ...(response === 'considering' ? { reason: 'Рассмотрим при уточнении бюджета' } : {}),
        };
      });
      const hearing: Hearing = {
        districtId: place.districtId,
        municipalityId: place.id,
        venue: `ДЕМО: ${name}, ${random.pick(['дом культуры', 'школа', 'зал айыл окмоту'])}`,
        date: iso(year, month, random.int(3, 26)),
        startTime: '10:00',
        endTime: '12:30',
        stage,
        organiser: `ДЕМО: айыл окмоту ${name}`,
        chair: random.pick(PEOPLE.male),
        secretary: random.pick(PEOPLE.female),
        agenda: [
          stage === 'draft'
            ? 'Обсуждение проекта ПСЭР на 2025–2029 годы'
            : 'Сбор предложений жителей в ПСЭР',
        ],
        speakers: [],
        proposals,
        decisions: 'Принятые предложения включить в план действий ПСЭР.',
        attendance: {
          tally: listed ? { women: 0, men: 0, groups: {} } : { women, men, groups },
          participants,
        },
        photos: [],
        status: round === 1 && index % 4 === 3 ? 'draft' : 'final',
      };
      out.push({ key: `hearing:${place.id}:${round}`, type: 'hearing', body: hearing });
    }

    // Stages: each district has programmes at every stage, from approved to profiles.
    const rank = places
      .filter((p) => p.districtId === place.districtId)
      .map((p) => p.id)
      .sort()
      .indexOf(place.id);
    const reached = [5, 4, 3, 5, 2, 3][rank % 6] ?? 3;
    const milestone = (kind: Milestone['kind'], date: string, extra: Partial<Milestone>) =>
      out.push({
        key: `milestone:${place.id}:${kind}`,
        type: 'milestone',
        body: {
          districtId: place.districtId,
          territoryId: place.id,
          kind,
          date,
          ...extra,
          note: 'ДЕМО-данные',
        },
      });
    milestone('working-group', iso(2024, 9, 10 + (index % 10)), {
      orderNumber: `${12 + index}-р`,
      membersWomen: random.int(3, 7),
      membersMen: random.int(3, 8),
    });
    if (reached >= 2) milestone('profiles', iso(2024, 11, 5 + (index % 20)), {});
    if (reached >= 3) {
      milestone('draft-submitted', iso(2025, 3, 10 + (index % 18)), { draftVersion: '1' });
    }
    if (reached >= 4) milestone('evaluated', iso(2025, 4, 5 + (index % 20)), {});
    if (reached >= 5) {
      milestone('approved', iso(2025, 6, 1 + (index % 28)), {
        resolutionNumber: `${(index % 40) + 3}/14`,
      });
    }
  }

  districts.forEach((district, index) => {
    out.push({
      key: `milestone:${district.id}:draft-submitted`,
      type: 'milestone',
      body: {
        districtId: district.id,
        territoryId: district.id,
        kind: 'draft-submitted',
        date: iso(2025, 4, 20 + index),
        draftVersion: '1',
        note: 'ДЕМО-данные: районная программа',
      },
    });
  });

  // Notes alternate between Nooken and Aksy, whoever runs the seed.
  NOTES.forEach((note, index) => {
    const code = index % 2 === 0 ? 'nooken' : 'aksy';
    const district = districts.find((d) => d.code === code);
    const own = places.filter((p) => p.districtId === district?.id);
    const place = own[Math.floor(index / 2) % Math.max(1, own.length)];
    if (!place) return;
    out.push({
      key: `note:${place.id}:${index}`,
      type: 'lessons-note',
      body: {
        districtId: place.districtId,
        municipalityId: place.id,
        title: `ДЕМО: ${note.title}`,
        text: note.text,
      },
    });
  });
  out.push(...demoTrainings(places, districts), ...demoEvaluations(places));
  return out;
}

type DemoBody = { key: string; type: string; body: Record<string, unknown> };

const FIRST_NAMES = {
  female: [
    'Айгүл',
    'Гүлнара',
    'Жыпар',
    'Нургүл',
    'Бермет',
    'Чолпон',
    'Айжан',
    'Мээрим',
    'Асель',
    'Динара',
    'Гүлзат',
    'Жаркын',
  ],
  male: [
    'Эрмек',
    'Бакыт',
    'Нурлан',
    'Азамат',
    'Талант',
    'Улан',
    'Мирлан',
    'Кубанычбек',
    'Эркин',
    'Садыр',
    'Максат',
    'Темир',
  ],
};
/** Family names in the masculine form; the feminine adds "а". */
const FAMILY_NAMES = [
  'Токтосунов',
  'Мамытов',
  'Асанов',
  'Беков',
  'Садыков',
  'Жумабаев',
  'Осмонов',
  'Токтогулов',
  'Абдыкадыров',
  'Сыдыков',
  'Маматов',
  'Алымбеков',
];

/** `training-position` codes, each with where such a person works (`{town}`: the town). */
const POSITIONS: { code: string; organisation: string; weight: number }[] = [
  { code: 'municipal-staff', organisation: 'Мэрия г. {town}', weight: 5 },
  { code: 'council-deputy', organisation: 'Городской кенеш г. {town}', weight: 3 },
  { code: 'civil-society', organisation: 'ОО «Аялдар демилгеси»', weight: 2 },
  {
    code: 'district-administration',
    organisation: 'Районная государственная администрация',
    weight: 1,
  },
  { code: 'other', organisation: 'Средняя школа № 1 г. {town}', weight: 1 },
];

/** The held training of each target town: when, and which methodology modules. */
const TOWN_TRAININGS: Record<string, { dates: string[]; modules: string[]; topic: string }> = {
  'kochkor-ata': {
    dates: ['2024-09-17', '2024-09-18', '2024-09-19'],
    modules: ['methodology', 'working-group', 'profiles'],
    topic: 'Методология ПСЭР и отраслевые профили',
  },
  'shamaldy-say': {
    dates: ['2024-10-08', '2024-10-09', '2024-10-10'],
    modules: ['methodology', 'participation', 'gender-inclusion'],
    topic: 'Участие граждан и гендерное включение',
  },
  kerben: {
    dates: ['2024-09-24', '2024-09-25', '2024-09-26'],
    modules: ['methodology', 'analysis', 'action-plan'],
    topic: 'Анализ и план действий ПСЭР',
  },
};

const DEMO_NOTE = 'ДЕМО-данные';
const TRAINERS = 'ДЕМО: тренеры проекта (Бермет Асанова, Талант Осмонов)';

/** A named roster of 10–20 people from a town, over the training's days. */
function demoRoster(town: Place, dates: readonly string[]): Training['attendance'] {
  const index = Number.parseInt(town.id.replace(/-/g, '').slice(0, 6), 16) % 1000;
  const random = randomFrom(index * 104729 + 3);
  const size = random.int(10, 20);
  const taken = new Set<string>();
  const weighted = POSITIONS.flatMap((p) => Array.from({ length: p.weight }, () => p));
  const participants = Array.from({ length: size }, (_, i) => {
    // The first two are one woman and one man, so every roster is mixed.
    const sex = i === 0 ? 'female' : i === 1 ? 'male' : random.chance(0.55) ? 'female' : 'male';
    let name = '';
    do {
      const family = random.pick(FAMILY_NAMES);
      name = `ДЕМО ${random.pick(FIRST_NAMES[sex])} ${family}${sex === 'female' ? 'а' : ''}`;
    } while (taken.has(name));
    taken.add(name);
    const position = random.pick(weighted);
    // Most attend every day; some miss one.
    const missed = random.chance(0.25) ? random.int(0, dates.length - 1) : -1;
    return {
      id: `p${i + 1}`,
      name,
      sex,
      groups: random.chance(0.3) ? ['youth'] : random.chance(0.1) ? ['disability'] : [],
      position: position.code,
      organisation: position.organisation.replace('{town}', town.names.ru),
      municipalityId: town.id,
      days: dates.filter((_, day) => day !== missed),
    } satisfies Training['attendance']['participants'][number];
  });
  return { tally: { women: 0, men: 0, groups: {} }, participants };
}

/**
 * Trainings of each district: a held three-day training with a roster in each target town,
 * one in an aiyl aimak recorded by quick count, and a planned one for the district's towns.
 * Each follows only from its own district's places, so any account makes the same records.
 */
function demoTrainings(
  places: readonly Place[],
  districts: readonly { id: string; code: string }[],
): DemoBody[] {
  const out: DemoBody[] = [];
  for (const district of districts) {
    const own = places.filter((p) => p.districtId === district.id);
    const towns = own.filter((p) => p.code && TOWN_TRAININGS[p.code]);
    for (const town of towns) {
      const plan = TOWN_TRAININGS[town.code ?? ''];
      if (!plan) continue;
      const body: Training = {
        districtId: district.id,
        municipalityIds: [town.id],
        moduleCodes: plan.modules,
        title: `ДЕМО: ${plan.topic}, ${town.names.ru}`,
        dates: plan.dates,
        venue: `ДЕМО: ${town.names.ru}, зал мэрии`,
        trainers: TRAINERS,
        notes: `${DEMO_NOTE}: рабочая группа ПСЭР, депутаты и активисты города.`,
        status: 'held',
        attendance: demoRoster(town, plan.dates),
      };
      out.push({ key: `training:${town.id}:held`, type: 'training', body });
    }

    const aimak = own
      .filter((p) => p.municipalityType === 'aiyl-aimak')
      .sort((a, b) => a.id.localeCompare(b.id))[0];
    if (aimak) {
      const index = Number.parseInt(aimak.id.replace(/-/g, '').slice(0, 6), 16) % 1000;
      const random = randomFrom(index * 31 + 5);
      const body: Training = {
        districtId: district.id,
        municipalityIds: [aimak.id],
        moduleCodes: ['methodology', 'participation'],
        title: `ДЕМО: Введение в ПСЭР для айыл окмоту ${aimak.names.ru}`,
        dates: [iso(2024, 11, 12 + (index % 10))],
        venue: `ДЕМО: ${aimak.names.ru}, зал айыл окмоту`,
        trainers: TRAINERS,
        notes: `${DEMO_NOTE}: список не вели, посчитали участников на месте.`,
        status: 'held',
        attendance: {
          tally: {
            women: random.int(8, 15),
            men: random.int(6, 14),
            groups: { youth: random.int(2, 5), 'large-low-income': random.int(1, 3) },
          },
          participants: [],
        },
      };
      out.push({ key: `training:${aimak.id}:tally`, type: 'training', body });
    }

    const served = (towns.length > 0 ? towns : own.slice(0, 1)).map((p) => p.id);
    if (served.length > 0) {
      const body: Training = {
        districtId: district.id,
        municipalityIds: served,
        moduleCodes: ['monitoring'],
        title: 'ДЕМО: Мониторинг и отчётность по ПСЭР',
        dates:
          district.code === 'aksy' ? ['2027-09-21', '2027-09-22'] : ['2027-09-14', '2027-09-15'],
        venue: 'ДЕМО: районная администрация, актовый зал',
        trainers: TRAINERS,
        notes: `${DEMO_NOTE}: запланировано.`,
        status: 'planned',
        attendance: { tally: { women: 0, men: 0, groups: {} }, participants: [] },
      };
      out.push({ key: `training:${district.id}:planned`, type: 'training', body });
    }
  }
  return out;
}

const SEED_TEMPLATE = CHECKLIST_TEMPLATE_SEED[0];

const ZERO_COMMENT = 'ДЕМО: в проекте этого нет, рекомендовано доработать.';
const EVIDENCE = 'ДЕМО: проект ПСЭР, раздел 3 и приложения.';

/** Answers to every criterion of the seeded template, weaker or stronger by `level` (0..1). */
function demoAnswers(seed: number, level: number, answered = 1): Answers {
  if (!SEED_TEMPLATE) return {};
  const random = randomFrom(seed);
  const answers: Answers = {};
  for (const { criterion } of criteriaOf(SEED_TEMPLATE)) {
    const roll = random.int(0, 99) / 100;
    if (roll >= answered) continue;
    const draw = random.int(0, 99) / 100;
    const score = draw < 0.08 ? 'na' : draw < 0.08 + (1 - level) * 0.5 ? 0 : draw < 0.75 ? 0.5 : 1;
    answers[criterion.code] =
      score === 0
        ? { score, comment: ZERO_COMMENT }
        : score === 1
          ? { score, evidence: EVIDENCE }
          : { score };
  }
  return answers;
}

/** The revised draft: each 0 or 0.5 of the first draft likely one step better. */
function revisedAnswers(first: Answers, seed: number): Answers {
  const random = randomFrom(seed);
  const out: Answers = {};
  for (const [code, answer] of Object.entries(first)) {
    const better = random.chance(0.6);
    if (answer.score === 0 && better) out[code] = { score: 0.5 };
    else if (answer.score === 0.5 && better) out[code] = { score: 1, evidence: EVIDENCE };
    else out[code] = answer;
  }
  return out;
}

/**
 * Evaluations against the seeded template: Kochkor-Ata's first and revised drafts, Kerben's
 * (final) and Shamaldy-Say's still in progress. Towns not among the places are left out.
 */
function demoEvaluations(places: readonly Place[]): DemoBody[] {
  if (!SEED_TEMPLATE) return [];
  const templateId = SEED_TEMPLATE.id;
  const byCode = new Map(places.flatMap((p) => (p.code ? [[p.code, p] as const] : [])));
  const out: DemoBody[] = [];
  const evaluation = (
    key: string,
    town: Place,
    fields: Pick<Evaluation, 'draftLabel' | 'evaluator' | 'date' | 'answers' | 'status'>,
  ) => {
    const body: Evaluation = {
      districtId: town.districtId,
      territoryId: town.id,
      templateId,
      ...fields,
    };
    out.push({ key: `evaluation:${town.id}:${key}`, type: 'evaluation', body });
  };
  const kochkor = byCode.get('kochkor-ata');
  if (kochkor) {
    const first = demoAnswers(101, 0.3);
    evaluation('first', kochkor, {
      draftLabel: 'ДЕМО: проект ПСЭР, версия 1 (март 2025)',
      evaluator: 'ДЕМО: Бермет Асанова',
      date: '2025-03-24',
      answers: first,
      status: 'final',
    });
    evaluation('revised', kochkor, {
      draftLabel: 'ДЕМО: проект ПСЭР, версия 2 (май 2025)',
      evaluator: 'ДЕМО: Бермет Асанова',
      date: '2025-05-19',
      answers: revisedAnswers(first, 202),
      status: 'final',
    });
  }
  const kerben = byCode.get('kerben');
  if (kerben) {
    evaluation('first', kerben, {
      draftLabel: 'ДЕМО: проект ПСЭР (апрель 2025)',
      evaluator: 'ДЕМО: Талант Осмонов',
      date: '2025-04-15',
      answers: demoAnswers(303, 0.6),
      status: 'final',
    });
  }
  const shamaldy = byCode.get('shamaldy-say');
  if (shamaldy) {
    evaluation('first', shamaldy, {
      draftLabel: 'ДЕМО: проект ПСЭР, версия 1',
      evaluator: 'ДЕМО: Бермет Асанова',
      date: '2025-06-10',
      answers: demoAnswers(404, 0.5, 0.5),
      status: 'draft',
    });
  }
  return out;
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
