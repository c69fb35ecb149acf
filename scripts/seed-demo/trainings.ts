import type { Training } from '../../src/domain/training.ts';
import { type DemoBody, iso, type Place, randomFrom } from './basics.ts';
import {
  DEMO_NOTE,
  FAMILY_NAMES,
  FIRST_NAMES,
  POSITIONS,
  TOWN_TRAININGS,
  TRAINERS,
} from './people.ts';

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
export function demoTrainings(
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
