import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { records } from '../../db/app-db.ts';
import { useDraft } from '../../db/use-draft.ts';
import type { TemplateVersion } from '../../domain/checklist.ts';
import { isoDay } from '../../domain/local-date.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { SaveCancel } from '../../ui/form-actions.tsx';
import {
  type EditedCriterion,
  editTemplate,
  newCriterion,
  publishable,
  type TemplateProblem,
  type Texts,
} from './template-draft.ts';

export interface TemplateEditorProps {
  base: TemplateVersion;
  family: readonly TemplateVersion[];
  onPublished: (version: number) => void;
  onCancel: () => void;
}

const today = () => isoDay(new Date());

/**
 * Admins word criteria anew in the three languages, change weights and add criteria, then
 * publish: a new version (a new record). Evaluations keep the version they were made with.
 * The unpublished edit is kept on the device as a draft.
 */
export function TemplateEditor({ base, family, onPublished, onCancel }: TemplateEditorProps) {
  const { t } = useTranslation('checklists');
  const format = useFormat();
  const draft = useDraft(`checklists:template:${base.id}`, editTemplate(base));
  const [problems, setProblems] = useState<TemplateProblem[]>([]);
  const [busy, setBusy] = useState(false);
  if (!draft.ready) return <p className="muted">{t('loading')}</p>;
  const edited = draft.value;

  const setCriterion = (d: number, c: number, next: EditedCriterion) => {
    setProblems([]);
    draft.update({
      ...edited,
      dimensions: edited.dimensions.map((dim, i) =>
        i === d ? { ...dim, criteria: dim.criteria.map((x, j) => (j === c ? next : x)) } : dim,
      ),
    });
  };
  const addCriterion = (d: number) =>
    draft.update({
      ...edited,
      dimensions: edited.dimensions.map((dim, i) =>
        i === d ? { ...dim, criteria: [...dim.criteria, newCriterion(edited)] } : dim,
      ),
    });
  const removeCriterion = (d: number, c: number) =>
    draft.update({
      ...edited,
      dimensions: edited.dimensions.map((dim, i) =>
        i === d ? { ...dim, criteria: dim.criteria.filter((_, j) => j !== c) } : dim,
      ),
    });

  const publish = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = publishable(edited, family, today());
    if ('problems' in result) return setProblems(result.problems);
    setBusy(true);
    try {
      await records.put({ type: 'checklist-template', body: result.template });
      await draft.discard();
      onPublished(result.template.version);
    } catch {
      setProblems([{ number: '', kind: 'other' }]);
      setBusy(false);
    }
  };

  return (
    <form
      className="form template-editor"
      onSubmit={publish}
      noValidate
      aria-label={t('template.edit')}
    >
      <p className="muted">{t('template.editHint')}</p>
      {edited.dimensions.map((dimension, d) => {
        const title = base.body.dimensions.find((x) => x.code === dimension.code)?.title[
          format.language
        ];
        return (
          <section key={dimension.code} className="card" aria-label={title}>
            <h2>{title}</h2>
            {dimension.criteria.map((criterion, c) => (
              <CriterionFields
                key={criterion.code}
                number={`${d + 1}.${c + 1}`}
                criterion={criterion}
                onChange={(next) => setCriterion(d, c, next)}
                onRemove={criterion.isNew ? () => removeCriterion(d, c) : undefined}
              />
            ))}
            <button type="button" className="button" onClick={() => addCriterion(d)}>
              {t('template.addCriterion', { dimension: title })}
            </button>
          </section>
        );
      })}
      {problems.length > 0 && (
        <div role="alert">
          {problems.map((problem) => (
            <p key={`${problem.number}-${problem.kind}`} className="form__error">
              {t(`template.problem.${problem.kind}`, { number: problem.number })}
            </p>
          ))}
        </div>
      )}
      <SaveCancel
        saveLabel={t('template.publish', {
          version: format.number(Math.max(...family.map((v) => v.body.version), 0) + 1),
        })}
        cancelLabel={t('template.cancel')}
        busy={busy}
        onCancel={() => {
          void draft.discard();
          onCancel();
        }}
      />
    </form>
  );
}

interface CriterionFieldsProps {
  number: string;
  criterion: EditedCriterion;
  onChange: (next: EditedCriterion) => void;
  onRemove?: () => void;
}

function CriterionFields({ number, criterion, onChange, onRemove }: CriterionFieldsProps) {
  const { t } = useTranslation('checklists');
  const format = useFormat();
  const id = useId();
  const texts = (kind: 'text' | 'guidance', value: Texts) =>
    LANGUAGES.map((language) => (
      <div key={language} className="field">
        <label className="field__label" htmlFor={`${id}-${kind}-${language}`}>
          {t(`template.${kind}In`, { number, language: t(`print.languages.${language}`) })}
        </label>
        <textarea
          id={`${id}-${kind}-${language}`}
          lang={language}
          rows={2}
          value={value[language]}
          onChange={(e) =>
            onChange({ ...criterion, [kind]: { ...value, [language]: e.target.value } })
          }
        />
      </div>
    ));
  return (
    <details className="template-criterion" open={criterion.isNew || undefined}>
      <summary>
        <span className="criterion__number">{number}</span>{' '}
        {criterion.text[format.language] || t('template.newCriterion')}
      </summary>
      <div className="form">
        {texts('text', criterion.text)}
        {texts('guidance', criterion.guidance)}
        <div className="field">
          <label className="field__label" htmlFor={`${id}-weight`}>
            {t('template.weight', { number })}
          </label>
          <input
            id={`${id}-weight`}
            inputMode="decimal"
            value={criterion.weight}
            onChange={(e) => onChange({ ...criterion, weight: e.target.value })}
          />
        </div>
        {onRemove && (
          <button type="button" className="button button--quiet" onClick={onRemove}>
            {t('template.remove', { number })}
          </button>
        )}
      </div>
    </details>
  );
}
