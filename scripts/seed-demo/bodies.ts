import type { Hearing, Proposal } from '../../src/domain/hearing.ts';
import type { Milestone } from '../../src/domain/milestone.ts';
import { iso, type Place, randomFrom } from './basics.ts';
import { demoEvaluations } from './evaluations.ts';
import { GROUPS, NOTES, PEOPLE, PROPOSALS } from './people.ts';
import { demoTrainings } from './trainings.ts';

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
