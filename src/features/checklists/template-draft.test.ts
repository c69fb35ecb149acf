import { describe, expect, it } from 'vitest';
import { CHECKLIST_TEMPLATE_SEED } from '../../../server/seed/checklist-seed.ts';
import { editTemplate, newCriterion, publishable } from './template-draft.ts';

const [seed] = CHECKLIST_TEMPLATE_SEED;
if (!seed) throw new Error('no seeded template');
const { id, ...body } = seed;
const v1 = { id, body };

describe('template editing', () => {
  it('publishes the edit as the next version, new criteria coded from their English text', () => {
    const edited = editTemplate(v1);
    const first = edited.dimensions[0]?.criteria[0];
    if (!first) throw new Error('no criterion');
    first.text.en = '  Working group includes women and youth.  ';
    first.weight = '1,5';
    const added = newCriterion(edited);
    added.text = {
      en: 'Youth council consulted',
      ru: 'Проведена консультация с молодежным советом',
      ky: 'Жаштар кеңеши менен консультация өткөрүлдү',
    };
    edited.dimensions[0]?.criteria.push(added);

    const result = publishable(edited, [v1], '2025-02-01');

    if (!('template' in result)) throw new Error(JSON.stringify(result.problems));
    expect(result.template).toMatchObject({ version: 2, publishedAt: '2025-02-01' });
    const criteria = result.template.dimensions[0]?.criteria ?? [];
    expect(criteria[0]).toMatchObject({
      code: 'working-group-composition',
      weight: 1.5,
      text: { en: 'Working group includes women and youth.' },
    });
    expect(criteria.at(-1)).toMatchObject({ code: 'youth-council-consulted', weight: 1 });
    expect(criteria.at(-1)?.guidance).toBeUndefined();
    // Version 1 itself is untouched.
    expect(body.dimensions[0]?.criteria[0]?.text.en).toMatch(
      /^Working group includes women, youth/,
    );
  });

  it('names each criterion with a missing text, half-given guidance or a bad weight', () => {
    const edited = editTemplate(v1);
    const [a, b, c] = edited.dimensions[1]?.criteria ?? [];
    if (!a || !b || !c) throw new Error('seed too small');
    a.text.ky = ' ';
    b.guidance = { ru: 'Что-то', ky: '', en: '' };
    c.weight = '0';
    const added = newCriterion(edited);
    edited.dimensions[3]?.criteria.push(added);

    expect(publishable(edited, [v1], '2025-02-01')).toEqual({
      problems: [
        { number: '2.1', kind: 'text' },
        { number: '2.2', kind: 'guidance' },
        { number: '2.3', kind: 'weight' },
        { number: '4.5', kind: 'text' },
      ],
    });
  });
});
