import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  type Hearing,
  PROGRAMME_STAGES,
  type ProgrammeStage,
  withEndTime,
} from '../../domain/hearing.ts';
import type { HearingProblem } from './use-hearing-editor.ts';

export interface MinutesFieldsProps {
  hearing: Hearing;
  onChange: (next: Hearing, options?: { typing?: boolean }) => void;
  problems: readonly HearingProblem[];
  /** The start is only the moment the hearing was opened (nobody typed it). */
  startDefaulted?: boolean;
  /** The start was typed: it is a real time from now on. */
  onStartTyped?: () => void;
}

type TextField = 'venue' | 'organiser' | 'chair' | 'secretary';

/** The ids of the minutes' fields ("Finish" leads to a field that is missing). */
export const MINUTES_FIELD_IDS = {
  venue: 'hearing-venue',
  organiser: 'hearing-organiser',
  chair: 'hearing-chair',
  secretary: 'hearing-secretary',
  date: 'hearing-date',
  startTime: 'hearing-start',
  endTime: 'hearing-end',
} as const;

/** The protocol's header: where, when, the stage, who ran it; then agenda and speakers. */
export function MinutesFields({
  hearing,
  onChange,
  problems,
  startDefaulted = false,
  onStartTyped,
}: MinutesFieldsProps) {
  const { t } = useTranslation('hearings');
  const id = useId();
  const [startAsked, setStartAsked] = useState(false);
  // Applied when the end is left, not per keystroke: "11:03" on the way to "11:30" is no end.
  const commitEnd = () => {
    const { hearing: next, startCleared } = withEndTime(hearing, hearing.endTime, startDefaulted);
    if (!startCleared) return;
    setStartAsked(true);
    onChange(next);
  };
  const type = (patch: Partial<Hearing>) => onChange({ ...hearing, ...patch }, { typing: true });
  const pick = (patch: Partial<Hearing>) => onChange({ ...hearing, ...patch });

  const text = (name: TextField) => (
    <div className="field">
      <label className="field__label" htmlFor={MINUTES_FIELD_IDS[name]}>
        {t(`minutes.${name}`)}
      </label>
      <input
        id={MINUTES_FIELD_IDS[name]}
        value={hearing[name]}
        maxLength={200}
        onChange={(e) => type({ [name]: e.target.value })}
      />
    </div>
  );

  return (
    <section className="card form" aria-labelledby={`${id}-title`} id="minutes">
      <h2 id={`${id}-title`}>{t('minutes.title')}</h2>
      {text('venue')}
      <div className="field">
        <label className="field__label" htmlFor={MINUTES_FIELD_IDS.date}>
          {t('minutes.date')}
        </label>
        <input
          id={MINUTES_FIELD_IDS.date}
          type="date"
          value={hearing.date}
          aria-invalid={problems.includes('date')}
          onChange={(e) => type({ date: e.target.value })}
        />
        {problems.includes('date') && <p className="form__error">{t('problem.date')}</p>}
      </div>
      <div className="field-row">
        <div className="field">
          <label className="field__label" htmlFor={MINUTES_FIELD_IDS.startTime}>
            {t('minutes.startTime')}
          </label>
          <input
            id={MINUTES_FIELD_IDS.startTime}
            type="time"
            value={hearing.startTime ?? ''}
            aria-describedby={startAsked ? `${id}-start-asked` : undefined}
            onChange={(e) => {
              setStartAsked(false);
              onStartTyped?.();
              type({ startTime: e.target.value || undefined });
            }}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={MINUTES_FIELD_IDS.endTime}>
            {t('minutes.endTime')}
          </label>
          <input
            id={MINUTES_FIELD_IDS.endTime}
            type="time"
            value={hearing.endTime ?? ''}
            aria-invalid={problems.includes('endTime')}
            aria-describedby={problems.includes('endTime') ? `${id}-end-error` : undefined}
            onChange={(e) => type({ endTime: e.target.value || undefined })}
            onBlur={commitEnd}
          />
        </div>
      </div>
      {startAsked && !hearing.startTime && (
        <p id={`${id}-start-asked`} className="notice" role="status">
          {t('minutes.startAsked')}
        </p>
      )}
      {problems.includes('endTime') && (
        <p id={`${id}-end-error`} className="form__error" role="alert">
          {t('problem.endTime')}
        </p>
      )}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-stage`}>
          {t('minutes.stage')}
        </label>
        <select
          id={`${id}-stage`}
          value={hearing.stage}
          onChange={(e) => pick({ stage: e.target.value as ProgrammeStage })}
        >
          {PROGRAMME_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {t(`stage.${stage}`)}
            </option>
          ))}
        </select>
      </div>
      {text('organiser')}
      {text('chair')}
      {text('secretary')}
      <TextList
        title={t('agenda.title')}
        items={hearing.agenda}
        itemLabel={(n) => t('agenda.item', { n })}
        addLabel={t('agenda.add')}
        removeLabel={(n) => t('agenda.remove', { n })}
        onChange={(agenda, typing) => onChange({ ...hearing, agenda }, { typing })}
      />
      <fieldset className="sublist">
        <legend>{t('speakers.title')}</legend>
        {hearing.speakers.map((speaker, index) => (
          <div key={speaker.id} className="sublist__item">
            <div className="field">
              <label className="field__label" htmlFor={`${id}-speaker-${speaker.id}`}>
                {t('speakers.name', { n: index + 1 })}
              </label>
              <input
                id={`${id}-speaker-${speaker.id}`}
                value={speaker.name}
                onChange={(e) =>
                  type({
                    speakers: hearing.speakers.map((s) =>
                      s.id === speaker.id ? { ...s, name: e.target.value } : s,
                    ),
                  })
                }
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-about-${speaker.id}`}>
                {t('speakers.about', { n: index + 1 })}
              </label>
              <input
                id={`${id}-about-${speaker.id}`}
                value={speaker.about ?? ''}
                onChange={(e) =>
                  type({
                    speakers: hearing.speakers.map((s) =>
                      s.id === speaker.id ? { ...s, about: e.target.value } : s,
                    ),
                  })
                }
              />
            </div>
            <button
              type="button"
              className="button button--quiet"
              onClick={() =>
                pick({ speakers: hearing.speakers.filter((s) => s.id !== speaker.id) })
              }
            >
              {t('speakers.remove', { n: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() =>
            pick({ speakers: [...hearing.speakers, { id: uuidv7(), name: '', about: '' }] })
          }
        >
          {t('speakers.add')}
        </button>
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-decisions`}>
          {t('minutes.decisions')}
        </label>
        <textarea
          id={`${id}-decisions`}
          rows={4}
          value={hearing.decisions}
          onChange={(e) => type({ decisions: e.target.value })}
        />
      </div>
    </section>
  );
}

interface TextListProps {
  title: string;
  items: readonly string[];
  itemLabel: (n: number) => string;
  addLabel: string;
  removeLabel: (n: number) => string;
  onChange: (items: string[], typing: boolean) => void;
}

/** A numbered list of short texts (agenda items): type, add, remove. */
function TextList({ title, items, itemLabel, addLabel, removeLabel, onChange }: TextListProps) {
  const id = useId();
  return (
    <fieldset className="sublist">
      <legend>{title}</legend>
      {items.map((item, index) => (
        // Agenda items are plain strings; their position is their identity here.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div key={index} className="sublist__item sublist__item--inline">
          <label className="visually-hidden" htmlFor={`${id}-${index}`}>
            {itemLabel(index + 1)}
          </label>
          <span aria-hidden="true">{index + 1}.</span>
          <input
            id={`${id}-${index}`}
            value={item}
            maxLength={500}
            onChange={(e) =>
              onChange(
                items.map((value, i) => (i === index ? e.target.value : value)),
                true,
              )
            }
          />
          <button
            type="button"
            className="button button--quiet"
            aria-label={removeLabel(index + 1)}
            onClick={() =>
              onChange(
                items.filter((_, i) => i !== index),
                false,
              )
            }
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" className="button" onClick={() => onChange([...items, ''], false)}>
        {addLabel}
      </button>
    </fieldset>
  );
}
