import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceItem } from '../../domain/reference-list.ts';
import type { TerritoryTree } from '../../domain/territory-tree.ts';
import { daysBetween, type Training } from '../../domain/training.ts';
import { useFormat } from '../../i18n/use-format.ts';
import type { TrainingProblem } from './use-training-editor.ts';

/** Fixed ids of the fields a "Mark as held" problem leads to. */
export const SESSION_FIELD_IDS = {
  firstDay: 'training-first-day',
  municipalities: 'training-municipalities',
} as const;

export interface SessionFieldsProps {
  training: Training;
  onChange: (next: Training, options?: { typing?: boolean }) => void;
  modules: readonly ReferenceItem[];
  tree: TerritoryTree | undefined;
  problems: readonly TrainingProblem[];
}

/** The session: what it covers, when and where, by whom, and for which municipalities. */
export function SessionFields({ training, onChange, modules, tree, problems }: SessionFieldsProps) {
  const { t } = useTranslation('trainings');
  const format = useFormat();
  const id = useId();
  const set = (patch: Partial<Training>, typing = false) =>
    onChange({ ...training, ...patch }, { typing });
  const first = training.dates[0] ?? '';
  const last = training.dates.at(-1) ?? first;

  /** New days; anyone's attendance on a day no longer in the training is dropped. */
  const setDays = (from: string, to: string) => {
    const dates = daysBetween(from, to || from);
    if (dates.length === 0) {
      // An impossible range is kept as typed (held as a draft) so nothing is lost.
      return set({ dates: [from, to].filter(Boolean) });
    }
    set({
      dates,
      attendance: {
        ...training.attendance,
        participants: training.attendance.participants.map((p) =>
          p.days ? { ...p, days: p.days.filter((d) => dates.includes(d)) } : p,
        ),
      },
    });
  };

  const districtMunicipalities = (tree?.childrenOf(training.districtId) ?? []).filter(
    (m) => m.kind === 'municipality' && (!m.successorId || training.municipalityIds.includes(m.id)),
  );
  const toggleMunicipality = (municipalityId: string, on: boolean) =>
    set({
      municipalityIds: on
        ? [...training.municipalityIds.filter((m) => m !== municipalityId), municipalityId]
        : training.municipalityIds.filter((m) => m !== municipalityId),
    });
  const toggleModule = (code: string, on: boolean) =>
    set({
      moduleCodes: on
        ? [...training.moduleCodes.filter((c) => c !== code), code]
        : training.moduleCodes.filter((c) => c !== code),
    });

  return (
    <section className="card form" aria-labelledby={`${id}-title`} id="session">
      <h2 id={`${id}-title`}>{t('session.title')}</h2>
      <fieldset className="choices">
        <legend>{t('session.modules')}</legend>
        {modules
          .filter((m) => !m.retired || training.moduleCodes.includes(m.code))
          .map((m) => (
            <label key={m.code} className="choice">
              <input
                type="checkbox"
                checked={training.moduleCodes.includes(m.code)}
                onChange={(e) => toggleModule(m.code, e.target.checked)}
              />
              {m.names[format.language]}
            </label>
          ))}
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-topic`}>
          {t('session.topic')}
        </label>
        <input
          id={`${id}-topic`}
          value={training.title}
          onChange={(e) => set({ title: e.target.value }, true)}
        />
      </div>
      <div className="field-row">
        <div className="field">
          <label className="field__label" htmlFor={SESSION_FIELD_IDS.firstDay}>
            {t('session.firstDay')}
          </label>
          <input
            id={SESSION_FIELD_IDS.firstDay}
            type="date"
            value={first}
            aria-invalid={problems.includes('dates') || undefined}
            onChange={(e) => setDays(e.target.value, [last, e.target.value].sort()[1] ?? last)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-to`}>
            {t('session.lastDay')}
          </label>
          <input
            id={`${id}-to`}
            type="date"
            value={last}
            min={first}
            aria-invalid={problems.includes('dates') || undefined}
            onChange={(e) => setDays(first, e.target.value)}
          />
        </div>
      </div>
      {problems.includes('dates') && <p className="field__error">{t('problem.dates')}</p>}
      <p className="muted">
        {t('session.days', {
          count: training.dates.length,
          n: format.number(training.dates.length),
        })}
      </p>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-venue`}>
          {t('session.venue')}
        </label>
        <input
          id={`${id}-venue`}
          value={training.venue}
          onChange={(e) => set({ venue: e.target.value }, true)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-trainers`}>
          {t('session.trainers')}
        </label>
        <input
          id={`${id}-trainers`}
          value={training.trainers}
          onChange={(e) => set({ trainers: e.target.value }, true)}
        />
      </div>
      <fieldset
        id={SESSION_FIELD_IDS.municipalities}
        className="choices"
        aria-invalid={problems.includes('municipalities') || undefined}
      >
        <legend>{t('session.municipalities')}</legend>
        {districtMunicipalities.map((m) => (
          <label key={m.id} className="choice">
            <input
              type="checkbox"
              checked={training.municipalityIds.includes(m.id)}
              onChange={(e) => toggleMunicipality(m.id, e.target.checked)}
            />
            {m.names[format.language]}
          </label>
        ))}
        {problems.includes('municipalities') && (
          <p className="field__error">{t('problem.municipalities')}</p>
        )}
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-notes`}>
          {t('session.notes')}
        </label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          value={training.notes}
          onChange={(e) => set({ notes: e.target.value }, true)}
        />
      </div>
    </section>
  );
}
