import { CHECKLIST_TEMPLATE_SEED } from '../../server/seed/checklist-seed.ts';
import { type Answers, criteriaOf, type Evaluation } from '../../src/domain/checklist.ts';
import { type DemoBody, type Place, randomFrom } from './basics.ts';
import { EVIDENCE, ZERO_COMMENT } from './people.ts';

const SEED_TEMPLATE = CHECKLIST_TEMPLATE_SEED[0];

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
export function demoEvaluations(places: readonly Place[]): DemoBody[] {
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
