import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { records } from '../../db/app-db.ts';
import { useDraft } from '../../db/use-draft.ts';
import { evaluationSchema, latestTemplate, newEvaluation } from '../../domain/checklist.ts';
import { isoDay } from '../../domain/local-date.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { useTerritoryTree } from '../../records/use-territory-tree.ts';
import { useAccount } from '../../session/account.ts';
import { SaveCancel } from '../../ui/form-actions.tsx';
import { TerritoryPicker } from '../../ui/territory-picker.tsx';
import { type PickedTerritory, useUiPrefs } from '../../ui/ui-prefs.ts';
import { useTemplates } from './use-templates.ts';

interface NewDraft {
  place: PickedTerritory;
  draftLabel: string;
  evaluator: string;
  date: string;
}

type Problem = 'territory' | 'draftLabel' | 'evaluator' | 'date' | 'template' | 'save';

const today = () => isoDay(new Date());

/**
 * A new evaluation: whose draft (a municipality, or the district's own programme), which
 * draft, who evaluates and when; scored against the newest template version.
 */
export function EvaluationNew() {
  const { t } = useTranslation('checklists');
  const format = useFormat();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const tree = useTerritoryTree();
  const templates = useTemplates();
  const account = useAccount();
  const last = useUiPrefs((s) => s.lastTerritory);
  const id = useId();
  const districtIds = account?.role === 'consultant' ? account.districtIds : [];
  const allowed = (place: PickedTerritory | null | undefined) =>
    Boolean(place?.districtId) &&
    (districtIds.length === 0 || districtIds.includes(place?.districtId ?? ''));
  const initialPlace: PickedTerritory = allowed(last)
    ? (last as PickedTerritory)
    : { districtId: districtIds.length === 1 ? (districtIds[0] ?? '') : '' };
  const draft = useDraft<NewDraft>('checklists:new', {
    place: initialPlace,
    draftLabel: '',
    evaluator: account?.displayName ?? '',
    date: today(),
  });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const template = templates && latestTemplate(templates);

  // "Evaluate a revised draft" from a finished evaluation names the programme.
  const askedTerritory = params.get('territory');
  const askedDistrict = params.get('district');
  const { ready, update, value } = draft;
  // Once, when the saved draft has been read: later edits are the user's.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on arrival.
  useEffect(() => {
    if (!ready || !askedTerritory || !askedDistrict) return;
    const place: PickedTerritory =
      askedTerritory === askedDistrict
        ? { districtId: askedDistrict }
        : { districtId: askedDistrict, municipalityId: askedTerritory };
    if (allowed(place)) update({ ...value, place });
  }, [ready, askedTerritory, askedDistrict]);

  const set = (patch: Partial<NewDraft>) => {
    setProblems([]);
    draft.update({ ...draft.value, ...patch });
  };

  const start = async (event: FormEvent) => {
    event.preventDefault();
    const { place, draftLabel, evaluator, date } = draft.value;
    const found: Problem[] = [];
    if (!place.districtId) found.push('territory');
    if (!draftLabel.trim()) found.push('draftLabel');
    if (!evaluator.trim()) found.push('evaluator');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.push('date');
    if (!template) found.push('template');
    setProblems(found);
    if (found.length > 0 || !template) return;
    const body = newEvaluation({
      districtId: place.districtId,
      territoryId: place.municipalityId ?? place.districtId,
      draftLabel,
      evaluator,
      date,
      templateId: template.id,
    });
    if (!evaluationSchema.safeParse(body).success) return setProblems(['save']);
    setBusy(true);
    try {
      const saved = await records.put({
        type: 'evaluation',
        body,
      });
      useUiPrefs.getState().setLastTerritory(place);
      await draft.discard();
      navigate(`/checklists/${saved.id}`, { replace: true });
    } catch {
      setProblems(['save']);
      setBusy(false);
    }
  };

  const field = (name: 'draftLabel' | 'evaluator' | 'date', type = 'text', hint?: string) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${name}`}>
        {t(`fields.${name}`)}
      </label>
      {hint && (
        <p id={`${id}-${name}-hint`} className="field__hint muted">
          {hint}
        </p>
      )}
      <input
        id={`${id}-${name}`}
        type={type}
        value={draft.value[name]}
        aria-invalid={problems.includes(name)}
        aria-describedby={hint ? `${id}-${name}-hint` : undefined}
        onChange={(e) => set({ [name]: e.target.value })}
      />
    </div>
  );

  return (
    <article className="page">
      <h1 className="page__title">{t('new.title')}</h1>
      <form className="card form" onSubmit={start} noValidate aria-label={t('new.title')}>
        <p className="muted">{t('new.hint')}</p>
        {tree && draft.ready ? (
          <TerritoryPicker
            tree={tree}
            value={draft.value.place}
            onChange={(place) => set({ place })}
            allowedDistrictIds={districtIds.length > 0 ? districtIds : undefined}
            invalid={problems.includes('territory')}
          />
        ) : (
          <p className="muted">{t('loading')}</p>
        )}
        {field('draftLabel', 'text', t('new.draftLabelHint'))}
        {field('evaluator')}
        {field('date', 'date')}
        {template ? (
          <p className="muted">
            {t('templateVersion', {
              title: template.body.title[format.language],
              version: format.number(template.body.version),
              date: format.date(new Date(`${template.body.publishedAt}T12:00:00`), 'long'),
            })}
          </p>
        ) : (
          templates && <p className="notice">{t('new.problem.template')}</p>
        )}
        {problems.length > 0 && (
          <div role="alert">
            {problems.map((problem) => (
              <p key={problem} className="form__error">
                {t(`new.problem.${problem}`)}
              </p>
            ))}
          </div>
        )}
        <SaveCancel
          saveLabel={t('new.start')}
          cancelLabel={t('new.cancel')}
          busy={busy}
          onCancel={() => {
            void draft.discard();
            navigate('/checklists');
          }}
        />
      </form>
    </article>
  );
}
