import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Participant, SEXES, type Sex, sameName } from '../domain/attendance.ts';
import type { ReferenceItem } from '../domain/reference-list.ts';
import type { KnownPerson } from '../domain/training.ts';
import { useFormat } from '../i18n/use-format.ts';

/** A participant being typed: everything optional until it is added. */
export interface ParticipantDraft {
  name: string;
  sex: Sex | '';
  position: string;
  organisation: string;
  municipalityId: string;
  phone: string;
  groups: string[];
  days: string[];
  personId?: string;
}

export const emptyParticipant = (sticky?: Partial<ParticipantDraft>): ParticipantDraft => ({
  name: '',
  sex: '',
  position: sticky?.position ?? '',
  organisation: sticky?.organisation ?? '',
  municipalityId: sticky?.municipalityId ?? '',
  phone: '',
  groups: [],
  days: sticky?.days ?? [],
});

export const draftOf = (p: Participant): ParticipantDraft => ({
  name: p.name,
  sex: p.sex,
  position: p.position ?? '',
  organisation: p.organisation ?? '',
  municipalityId: p.municipalityId ?? '',
  phone: p.phone ?? '',
  groups: p.groups,
  days: p.days ?? [],
  ...(p.personId ? { personId: p.personId } : {}),
});

/** The participant a complete draft makes; optional fields left empty are left out. */
export function participantOf(id: string, d: ParticipantDraft & { sex: Sex }): Participant {
  const text = (value: string) => value.trim() || undefined;
  const entries = {
    position: text(d.position),
    organisation: text(d.organisation),
    municipalityId: text(d.municipalityId),
    phone: text(d.phone),
    personId: d.personId,
  };
  return {
    id,
    name: d.name.trim().replace(/\s+/g, ' '),
    sex: d.sex,
    groups: d.groups,
    ...(d.days.length > 0 ? { days: [...d.days].sort() } : {}),
    ...Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)),
  };
}

export interface ParticipantFormProps {
  draft: ParticipantDraft;
  onDraft: (next: ParticipantDraft) => void;
  /** Called with a complete draft; the form then starts over (adding) or closes (editing). */
  onSubmit: (complete: ParticipantDraft & { sex: Sex }) => void;
  onCancel?: () => void;
  submitLabel: string;
  /** Everyone already listed: for the duplicate-name warning. */
  listed: readonly Participant[];
  /** The participant being edited (left out of the duplicate check). */
  editingId?: string;
  groups: readonly ReferenceItem[];
  positions: readonly ReferenceItem[];
  municipalities?: readonly { id: string; name: string }[];
  /** The training's days, when it runs over several. */
  days?: readonly string[];
  recentOrganisations?: readonly string[];
  /** People from other trainings whose name matches what is typed. */
  suggest?: (typed: string) => KnownPerson[];
  /** Put the cursor in the name field when the form appears. */
  autoFocus?: boolean;
}

/**
 * One participant: name and sex, the Add button right under them, then the rest. Enter in
 * any field adds the person (a picker or a choice too: Enter never opens a list) and puts
 * the cursor back in the name field, so the phone's keyboard stays up for the next one;
 * organisation, position, municipality and days stay as they were, since people tend to
 * come in groups.
 */
export function ParticipantForm(props: ParticipantFormProps) {
  const { draft, onDraft, submitLabel, listed, editingId, groups, positions } = props;
  const { t } = useTranslation('attendance');
  const format = useFormat();
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<('name' | 'sex')[]>([]);
  const autoFocus = props.autoFocus ?? false;
  useEffect(() => {
    if (autoFocus) nameRef.current?.focus();
  }, [autoFocus]);
  const set = (patch: Partial<ParticipantDraft>) => {
    setProblems((current) => current.filter((p) => !(p in patch)));
    onDraft({ ...draft, ...patch });
  };
  const duplicates = sameName(listed, draft.name, editingId);
  const known = draft.personId ? [] : (props.suggest?.(draft.name) ?? []);
  const daysShown = (props.days?.length ?? 0) > 1 ? (props.days ?? []) : [];
  // Open when something in it is filled, so an edited person shows all they have.
  const moreOpen = Boolean(draft.phone || draft.groups.length > 0 || draft.days.length > 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: ('name' | 'sex')[] = [];
    if (!draft.name.trim()) missing.push('name');
    if (!draft.sex) missing.push('sex');
    setProblems(missing);
    if (!draft.sex || missing.length > 0) {
      if (missing.includes('name')) nameRef.current?.focus();
      return;
    }
    props.onSubmit({ ...draft, sex: draft.sex });
    nameRef.current?.focus();
  };

  // Text fields submit on Enter by themselves; a picker, a radio or a checkbox does not
  // (Enter on a picker opens it on a phone). Buttons, links and summaries keep their Enter.
  const enterAdds = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    const choice =
      target instanceof HTMLSelectElement ||
      (target instanceof HTMLInputElement &&
        (target.type === 'radio' || target.type === 'checkbox'));
    if (!choice) return;
    event.preventDefault();
    event.currentTarget.requestSubmit();
  };

  const recognise = (person: KnownPerson) => {
    const p = person.participant;
    set({
      name: p.name,
      sex: p.sex,
      position: p.position ?? draft.position,
      organisation: p.organisation ?? draft.organisation,
      municipalityId: p.municipalityId ?? draft.municipalityId,
      phone: p.phone ?? '',
      groups: p.groups,
      personId: person.personId,
    });
  };
  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

  return (
    <form
      className="participant-form form"
      onSubmit={submit}
      onKeyDown={enterAdds}
      noValidate
      aria-label={submitLabel}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-name`}>
          {t('participant.name')}
        </label>
        <input
          ref={nameRef}
          id={`${id}-name`}
          value={draft.name}
          autoComplete="off"
          enterKeyHint="done"
          aria-invalid={problems.includes('name') || undefined}
          aria-describedby={`${id}-name-note`}
          onChange={(e) => {
            const { personId: _linked, ...rest } = draft;
            setProblems((current) => current.filter((p) => p !== 'name'));
            onDraft({ ...rest, name: e.target.value });
          }}
        />
        <div id={`${id}-name-note`}>
          {problems.includes('name') && (
            <p className="field__error">{t('participant.problem.name')}</p>
          )}
          {duplicates.length > 0 && (
            <p className="notice participant-form__duplicate" role="alert">
              {t('participant.duplicate', { names: duplicates.map((p) => p.name).join(', ') })}
            </p>
          )}
          {draft.personId && (
            <p className="participant-form__linked">
              {t('participant.linked')}{' '}
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  const { personId: _unlinked, ...rest } = draft;
                  onDraft(rest);
                }}
              >
                {t('participant.unlink')}
              </button>
            </p>
          )}
        </div>
      </div>
      {known.length > 0 && (
        <section className="participant-form__known" aria-label={t('participant.known')}>
          <p className="field__label">{t('participant.known')}</p>
          <ul className="plain-list">
            {known.map((person) => (
              <li key={person.personId}>
                <button
                  type="button"
                  className="button participant-form__suggestion"
                  onClick={() => recognise(person)}
                  aria-label={t('participant.samePerson', { name: person.participant.name })}
                >
                  <span>{person.participant.name}</span>
                  <span className="muted">
                    {[
                      person.participant.organisation,
                      t('participant.trainings', {
                        count: person.trainingIds.length,
                        n: format.number(person.trainingIds.length),
                      }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <fieldset
        className="choices choices--row"
        aria-invalid={problems.includes('sex') || undefined}
      >
        <legend>{t('participant.sex')}</legend>
        {SEXES.map((sex) => (
          <label key={sex} className="choice">
            <input
              type="radio"
              name={`${id}-sex`}
              value={sex}
              checked={draft.sex === sex}
              onChange={() => set({ sex })}
            />
            {t(`participant.${sex}`)}
          </label>
        ))}
        {problems.includes('sex') && <p className="field__error">{t('participant.problem.sex')}</p>}
      </fieldset>
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          onMouseDown={(event) => {
            // Tapped while typing: the cursor stays in its field, so the phone's keyboard
            // does not drop and come back between two people.
            const typing = document.activeElement;
            if (
              typing instanceof HTMLInputElement &&
              typing.type !== 'radio' &&
              typing.type !== 'checkbox' &&
              event.currentTarget.form?.contains(typing)
            ) {
              event.preventDefault();
            }
          }}
        >
          {submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="button" onClick={props.onCancel}>
            {t('participant.cancel')}
          </button>
        )}
      </div>
      {positions.length > 0 && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-position`}>
            {t('participant.position')}
          </label>
          <select
            id={`${id}-position`}
            value={draft.position}
            onChange={(e) => set({ position: e.target.value })}
          >
            <option value="">{t('participant.noPosition')}</option>
            {positions.map((p) => (
              <option key={p.code} value={p.code}>
                {p.names[format.language]}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-org`}>
          {t('participant.organisation')}
        </label>
        <input
          id={`${id}-org`}
          value={draft.organisation}
          autoComplete="organization"
          onChange={(e) => set({ organisation: e.target.value })}
        />
        {(props.recentOrganisations?.length ?? 0) > 0 && (
          <fieldset className="participant-form__recent">
            <legend className="visually-hidden">{t('participant.recent')}</legend>
            {props.recentOrganisations?.map((organisation) => (
              <button
                key={organisation}
                type="button"
                className="chip"
                aria-pressed={draft.organisation === organisation}
                onClick={() => set({ organisation })}
              >
                {organisation}
              </button>
            ))}
          </fieldset>
        )}
      </div>
      {props.municipalities && props.municipalities.length > 1 && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-mun`}>
            {t('participant.municipality')}
          </label>
          <select
            id={`${id}-mun`}
            value={draft.municipalityId}
            onChange={(e) => set({ municipalityId: e.target.value })}
          >
            <option value="">{t('participant.noMunicipality')}</option>
            {props.municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <details className="participant-form__more" open={moreOpen}>
        <summary>{t('participant.more')}</summary>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-phone`}>
            {t('participant.phone')}
          </label>
          <input
            id={`${id}-phone`}
            type="tel"
            value={draft.phone}
            autoComplete="off"
            onChange={(e) => set({ phone: e.target.value })}
          />
        </div>
        {groups.length > 0 && (
          <fieldset className="choices">
            <legend>{t('participant.groups')}</legend>
            {groups.map((g) => (
              <label key={g.code} className="choice">
                <input
                  type="checkbox"
                  checked={draft.groups.includes(g.code)}
                  onChange={(e) => set({ groups: toggle(draft.groups, g.code, e.target.checked) })}
                />
                {g.names[format.language]}
              </label>
            ))}
          </fieldset>
        )}
        {daysShown.length > 0 && (
          <fieldset className="choices">
            <legend>{t('participant.days')}</legend>
            {daysShown.map((day) => (
              <label key={day} className="choice">
                <input
                  type="checkbox"
                  checked={draft.days.includes(day)}
                  onChange={(e) => set({ days: toggle(draft.days, day, e.target.checked) })}
                />
                {format.date(new Date(`${day}T12:00:00`), 'short')}
              </label>
            ))}
          </fieldset>
        )}
      </details>
    </form>
  );
}
