import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { drafts } from '../../db/app-db.ts';
import { isoDay } from '../../domain/calendar.ts';
import { type HeldEarlier, newHearing } from '../../domain/hearing.ts';
import { NewInMunicipality } from '../../ui/new-in-municipality.tsx';
import { startDefaultedKey } from './use-hearing-editor.ts';

type When = 'now' | 'later';

/**
 * Starting a hearing takes the municipality, and says whether it is happening now (date and
 * start are now) or is recorded later (then its date and times are asked for first).
 */
export function HearingNew() {
  const { t } = useTranslation('hearings');
  const id = useId();
  const [when, setWhen] = useState<When>('now');
  const [held, setHeld] = useState<HeldEarlier>({ date: '' });
  const today = isoDay(new Date());

  const check = () => {
    if (when === 'now') return null;
    if (!held.date) return t('new.problem.date');
    if (held.date > today) return t('new.problem.future');
    if (held.startTime && held.endTime && held.endTime <= held.startTime) {
      return t('new.problem.endTime');
    }
    return null;
  };

  const time = (key: 'startTime' | 'endTime', label: string) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        type="time"
        value={held[key] ?? ''}
        onChange={(e) => setHeld({ ...held, [key]: e.target.value || undefined })}
      />
    </div>
  );

  return (
    <NewInMunicipality
      ns="hearings"
      type="hearing"
      basePath="/hearings"
      makeBody={(place) => newHearing(place, new Date(), when === 'later' ? held : undefined)}
      check={check}
      afterCreate={
        // The start is only "now": the first end typed before it clears it (see withEndTime).
        when === 'now' ? (created) => drafts.save(startDefaultedKey(created), true) : undefined
      }
    >
      <fieldset className="choices">
        <legend>{t('new.when')}</legend>
        {(['now', 'later'] as const).map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`${id}-when`}
              checked={when === value}
              onChange={() => setWhen(value)}
            />
            {t(`new.${value}`)}
          </label>
        ))}
      </fieldset>
      {when === 'later' && (
        <>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-date`}>
              {t('minutes.date')}
            </label>
            <input
              id={`${id}-date`}
              type="date"
              max={today}
              value={held.date}
              onChange={(e) => setHeld({ ...held, date: e.target.value })}
            />
          </div>
          <div className="field-row">
            {time('startTime', t('minutes.startTime'))}
            {time('endTime', t('minutes.endTime'))}
          </div>
        </>
      )}
    </NewInMunicipality>
  );
}
