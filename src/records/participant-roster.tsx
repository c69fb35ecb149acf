import './participant-roster.css';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { useDraft } from '../db/use-draft.ts';
import type { Participant } from '../domain/attendance.ts';
import { itemName, type ReferenceItem } from '../domain/reference-list.ts';
import { type KnownPerson, recentOrganisations } from '../domain/training.ts';
import { useFormat } from '../i18n/use-format.ts';
import {
  draftOf,
  emptyParticipant,
  type ParticipantDraft,
  ParticipantForm,
  participantOf,
} from './participant-form.tsx';

export interface ParticipantRosterProps {
  participants: readonly Participant[];
  onChange: (next: Participant[]) => void;
  /** Where the half-typed next person is kept, so a reload does not lose it. */
  draftKey: string;
  groups: readonly ReferenceItem[];
  /** `training-position` items (all, retired included, for names; offered: not retired). */
  positions: readonly ReferenceItem[];
  municipalities?: readonly { id: string; name: string }[];
  days?: readonly string[];
  suggest?: (typed: string) => KnownPerson[];
  title?: string;
  /** The cursor starts in the name field (a training's roster opens ready to type). */
  autoFocus?: boolean;
}

/**
 * Named participants: a form for the next person (kept across reloads) and the list so
 * far, each editable and removable. Shared by trainings (the roster) and hearings (the
 * optional list of names beside the count).
 */
export function ParticipantRoster(props: ParticipantRosterProps) {
  const { participants, onChange, groups, positions } = props;
  const { t } = useTranslation('attendance');
  const format = useFormat();
  const id = useId();
  const entry = useDraft(props.draftKey, emptyParticipant());
  const [editing, setEditing] = useState<{ id: string; draft: ParticipantDraft } | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const recent = useMemo(() => recentOrganisations(participants), [participants]);
  const offered = positions.filter((p) => !p.retired);
  const municipalityName = (municipalityId: string | undefined) =>
    props.municipalities?.find((m) => m.id === municipalityId)?.name;
  const common = {
    listed: participants,
    groups,
    positions: offered,
    municipalities: props.municipalities,
    days: props.days,
    recentOrganisations: recent,
  };

  return (
    <section className="card roster" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {props.title ?? t('participant.title')}{' '}
        <span className="muted">
          (
          {t('participant.count', {
            count: participants.length,
            n: format.number(participants.length),
          })}
          )
        </span>
      </h2>
      {entry.ready && (
        <ParticipantForm
          {...common}
          draft={entry.value}
          onDraft={(next) => {
            setAdded(null);
            entry.update(next);
          }}
          suggest={props.suggest}
          submitLabel={t('participant.add')}
          autoFocus={props.autoFocus}
          onSubmit={(complete) => {
            const person = participantOf(uuidv7(), complete);
            onChange([...participants, person]);
            setAdded(person.name);
            entry.update(emptyParticipant(complete));
          }}
        />
      )}
      <p role="status" className="form__ok">
        {added &&
          t('participant.added', {
            name: added,
            count: participants.length,
            n: format.number(participants.length),
          })}
      </p>
      {participants.length === 0 ? (
        <p className="muted">{t('participant.empty')}</p>
      ) : (
        <ol className="roster__list" aria-label={t('participant.list')}>
          {participants.map((person) =>
            editing?.id === person.id ? (
              <li key={person.id} className="roster__item roster__item--editing">
                <ParticipantForm
                  {...common}
                  draft={editing.draft}
                  editingId={person.id}
                  onDraft={(draft) => setEditing({ id: person.id, draft })}
                  submitLabel={t('participant.save')}
                  onCancel={() => setEditing(null)}
                  onSubmit={(complete) => {
                    onChange(
                      participants.map((p) =>
                        p.id === person.id ? participantOf(person.id, complete) : p,
                      ),
                    );
                    setEditing(null);
                  }}
                />
              </li>
            ) : (
              <li key={person.id} className="roster__item">
                <p className="roster__name">
                  {person.name}{' '}
                  <span className={`roster__sex roster__sex--${person.sex}`}>
                    {t(`participant.${person.sex}`)}
                  </span>
                </p>
                <p className="list__meta">
                  {[
                    person.position &&
                      itemName(positions, 'training-position', person.position, format.language),
                    person.organisation,
                    municipalityName(person.municipalityId),
                    ...person.groups.map((g) =>
                      itemName(groups, 'participant-group', g, format.language),
                    ),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <div className="roster__actions">
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={t('participant.edit', { name: person.name })}
                    onClick={() => setEditing({ id: person.id, draft: draftOf(person) })}
                  >
                    {t('participant.editShort')}
                  </button>
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={t('participant.remove', { name: person.name })}
                    onClick={() => {
                      if (window.confirm(t('participant.removeConfirm', { name: person.name }))) {
                        onChange(participants.filter((p) => p.id !== person.id));
                      }
                    }}
                  >
                    {t('participant.removeShort')}
                  </button>
                </div>
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}
