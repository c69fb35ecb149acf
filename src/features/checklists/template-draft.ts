/** A template version being edited into the next one: its form state and the conversion back. */
import {
  type ChecklistTemplate,
  checklistTemplateSchema,
  type DimensionCode,
  nextTemplateVersion,
  type TemplateVersion,
} from '../../domain/checklist.ts';
import { slugify, uniqueCode } from '../../domain/slug.ts';

export interface Texts {
  ru: string;
  ky: string;
  en: string;
}

export interface EditedCriterion {
  /** The published code; for a criterion added here, a key until it is published. */
  code: string;
  isNew: boolean;
  text: Texts;
  guidance: Texts;
  /** As typed ("1", "1,5"). */
  weight: string;
}

export interface EditedTemplate {
  baseId: string;
  base: ChecklistTemplate;
  dimensions: { code: DimensionCode; criteria: EditedCriterion[] }[];
}

export type TemplateProblem =
  | { number: string; kind: 'text' | 'guidance' | 'weight' }
  | {
      number: '';
      kind: 'other';
    };

const EMPTY: Texts = { ru: '', ky: '', en: '' };

export function editTemplate({ id, body }: TemplateVersion): EditedTemplate {
  return {
    baseId: id,
    base: body,
    dimensions: body.dimensions.map((d) => ({
      code: d.code,
      criteria: d.criteria.map((c) => ({
        code: c.code,
        isNew: false,
        text: { ...c.text },
        guidance: { ...(c.guidance ?? EMPTY) },
        weight: String(c.weight ?? 1),
      })),
    })),
  };
}

export function newCriterion(edited: EditedTemplate): EditedCriterion {
  const used = edited.dimensions
    .flatMap((d) => d.criteria)
    .filter((c) => c.isNew)
    .map((c) => Number(c.code.replace('new-', '')) || 0);
  return {
    code: `new-${Math.max(0, ...used) + 1}`,
    isNew: true,
    text: { ...EMPTY },
    guidance: { ...EMPTY },
    weight: '1',
  };
}

const filled = (texts: Texts) => [texts.ru, texts.ky, texts.en].map((x) => x.trim() !== '');
const trimmed = (texts: Texts): Texts => ({
  ru: texts.ru.trim(),
  ky: texts.ky.trim(),
  en: texts.en.trim(),
});

/**
 * The next version from the edited form, published on `publishedAt`, or what is wrong
 * (criterion numbers "1.2" as shown). Added criteria get a code from their English text.
 */
export function publishable(
  edited: EditedTemplate,
  family: readonly TemplateVersion[],
  publishedAt: string,
): { template: ChecklistTemplate } | { problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  const taken = new Set(
    edited.dimensions.flatMap((d) => d.criteria.filter((c) => !c.isNew).map((c) => c.code)),
  );
  // Codes once used in any version stay with their criterion, even if it was dropped since.
  for (const version of family) {
    for (const d of version.body.dimensions) for (const c of d.criteria) taken.add(c.code);
  }
  const dimensions = edited.dimensions.map((d, i) => {
    const base = edited.base.dimensions.find((x) => x.code === d.code);
    return {
      code: d.code,
      title: base?.title ?? { ru: d.code, ky: d.code, en: d.code },
      criteria: d.criteria.map((c, j) => {
        const number = `${i + 1}.${j + 1}`;
        if (filled(c.text).includes(false)) problems.push({ number, kind: 'text' });
        const guidance = filled(c.guidance);
        if (guidance.includes(true) && guidance.includes(false)) {
          problems.push({ number, kind: 'guidance' });
        }
        const weight = Number(c.weight.trim().replace(',', '.'));
        if (!c.weight.trim() || !Number.isFinite(weight) || weight <= 0 || weight > 100) {
          problems.push({ number, kind: 'weight' });
        }
        let code = c.code;
        if (c.isNew) {
          code = uniqueCode(slugify(c.text.en) || `${d.code}-criterion`, taken);
          taken.add(code);
        }
        return {
          code,
          text: trimmed(c.text),
          ...(guidance.includes(true) ? { guidance: trimmed(c.guidance) } : {}),
          weight,
        };
      }),
    };
  });
  if (problems.length > 0) return { problems };
  const template = nextTemplateVersion({ ...edited.base, dimensions }, family, publishedAt);
  const parsed = checklistTemplateSchema.safeParse(template);
  return parsed.success ? { template } : { problems: [{ number: '', kind: 'other' }] };
}
