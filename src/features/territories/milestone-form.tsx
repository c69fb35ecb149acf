import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MILESTONE_KINDS, type MilestoneKind } from '../../domain/milestone.ts';
import type { TerritoryProblem } from '../../domain/territory-scope.ts';
import { SaveCancel } from '../../ui/form-actions.tsx';

export interface MilestoneDraft {
  kind: MilestoneKind;
  date: string;
  orderNumber: string;
  membersWomen: string;
  membersMen: string;
  draftVersion: string;
  resolutionNumber: string;
  note: string;
}

export const EMPTY_MILESTONE: MilestoneDraft = {
  kind: 'working-group',
  date: '',
  orderNumber: '',
  membersWomen: '',
  membersMen: '',
  draftVersion: '',
  resolutionNumber: '',
  note: '',
};

type Problem = 'date' | 'draftVersion' | 'resolutionNumber' | 'members' | 'file' | 'save';

export interface MilestoneFormProps {
  value: MilestoneDraft;
  onChange: (value: MilestoneDraft) => void;
  onSave: (value: MilestoneDraft, file: File | null) => Promise<void>;
  onCancel: () => void;
  /**
   * What is wrong with the places the milestone would name (its district does not exist or
   * is not a district, its territory lies outside it): refused here with the reason, as the
   * server would refuse it.
   */
  placeProblems?: (value: MilestoneDraft) => TerritoryProblem[];
}

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const isCount = (text: string) => text.trim() === '' || /^\d{1,5}$/.test(text.trim());

/** Records one stage of a programme; fields follow the stage. Kept as a draft while typed. */
export function MilestoneForm({
  value,
  onChange,
  onSave,
  onCancel,
  placeProblems,
}: MilestoneFormProps) {
  const { t } = useTranslation('territories');
  const { t: tc } = useTranslation();
  const [places, setPlaces] = useState<TerritoryProblem[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const set = (patch: Partial<MilestoneDraft>) => onChange({ ...value, ...patch });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Problem[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value.date)) found.push('date');
    if (value.kind === 'draft-submitted' && !value.draftVersion.trim()) found.push('draftVersion');
    if (value.kind === 'approved' && !value.resolutionNumber.trim()) found.push('resolutionNumber');
    if (!isCount(value.membersWomen) || !isCount(value.membersMen)) found.push('members');
    if (file && file.size > MAX_FILE_BYTES) found.push('file');
    setProblems(found);
    if (found.length) return;
    const wrongPlaces = placeProblems?.(value) ?? [];
    setPlaces(wrongPlaces);
    if (wrongPlaces.length) return;
    try {
      await onSave(value, file);
    } catch {
      setProblems(['save']);
    }
  };

  const field = (name: keyof MilestoneDraft, label: string, type = 'text') => (
    <div className="field">
      <label className="field__label" htmlFor={`milestone-${name}`}>
        {label}
      </label>
      <input
        id={`milestone-${name}`}
        type={type}
        inputMode={name.startsWith('members') ? 'numeric' : undefined}
        value={value[name]}
        aria-invalid={problems.includes(name as Problem)}
        onChange={(e) => set({ [name]: e.target.value })}
      />
    </div>
  );

  return (
    <form className="card form" onSubmit={submit} noValidate aria-label={t('milestones.record')}>
      <h3>{t('milestones.record')}</h3>
      <div className="field">
        <label className="field__label" htmlFor="milestone-kind">
          {t('milestones.stage')}
        </label>
        <select
          id="milestone-kind"
          value={value.kind}
          onChange={(e) => set({ kind: e.target.value as MilestoneKind })}
        >
          {MILESTONE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`milestones.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      {field('date', t('milestones.date'), 'date')}
      {value.kind === 'working-group' && (
        <>
          {field('orderNumber', t('milestones.orderNumber'))}
          {field('membersWomen', t('milestones.membersWomen'))}
          {field('membersMen', t('milestones.membersMen'))}
        </>
      )}
      {value.kind === 'draft-submitted' && field('draftVersion', t('milestones.draftVersion'))}
      {value.kind === 'approved' && (
        <>
          {field('resolutionNumber', t('milestones.resolutionNumber'))}
          <div className="field">
            <label className="field__label" htmlFor="milestone-attachment">
              {t('milestones.attachment')}
            </label>
            <input
              id="milestone-attachment"
              type="file"
              accept="image/*,application/pdf"
              capture="environment"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
        </>
      )}
      <div className="field">
        <label className="field__label" htmlFor="milestone-note">
          {t('milestones.note')}
        </label>
        <textarea
          id="milestone-note"
          rows={3}
          value={value.note}
          onChange={(e) => set({ note: e.target.value })}
        />
      </div>
      {(problems.length > 0 || places.length > 0) && (
        <div role="alert">
          {problems.map((problem) => (
            <p key={problem} className="form__error">
              {t(`milestones.error.${problem}`)}
            </p>
          ))}
          {[...new Set(places.map((place) => place.reason))].map((reason) => (
            <p key={reason} className="form__error">
              {tc(`territoryProblem.${reason}`)}
            </p>
          ))}
        </div>
      )}
      <SaveCancel
        saveLabel={t('milestones.save')}
        cancelLabel={t('milestones.cancel')}
        onCancel={onCancel}
      />
    </form>
  );
}
