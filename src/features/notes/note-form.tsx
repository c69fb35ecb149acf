import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lessonsNoteSchema } from '../../domain/record-types.ts';
import {
  type TerritoryLookup,
  type TerritoryProblem,
  territoryProblems,
} from '../../domain/territory-scope.ts';
import type { TerritoryTree } from '../../domain/territory-tree.ts';
import { TerritoryPicker } from '../../ui/territory-picker.tsx';

export interface NoteDraft {
  title: string;
  text: string;
  districtId: string;
  municipalityId?: string;
}

export interface NoteFormProps {
  value: NoteDraft;
  onChange: (value: NoteDraft) => void;
  onSave: (note: NoteDraft) => Promise<void>;
  /** The districts this user records in; empty: any (typed). */
  districtIds: string[];
  /** A district's name in the interface language, when this device knows it. */
  districtName?: (id: string) => string | undefined;
  /** The device's territories: with them the form offers the region/district/municipality picker. */
  tree?: TerritoryTree;
  /**
   * The device's territories: a note whose district does not exist, or whose municipality
   * is not in it, is refused here with the reason (the server would refuse it).
   */
  territoryLookup?: TerritoryLookup;
}

type FieldError = 'title' | 'titleLong' | 'district' | 'save';

/** New field note: validated in the user's language; nothing typed is lost on an error. */
export function NoteForm({
  value,
  onChange,
  onSave,
  districtIds,
  districtName,
  tree,
  territoryLookup,
}: NoteFormProps) {
  const { t } = useTranslation('notes');
  const { t: tc } = useTranslation();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [placeProblems, setPlaceProblems] = useState<TerritoryProblem[]>([]);
  const [saved, setSaved] = useState(false);

  const set = (patch: Partial<NoteDraft>) => {
    setSaved(false);
    setPlaceProblems([]);
    onChange({ ...value, ...patch });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = lessonsNoteSchema.safeParse(value);
    if (!parsed.success) {
      const found = new Set<FieldError>();
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'districtId') found.add('district');
        if (issue.path[0] === 'title') found.add(issue.code === 'too_big' ? 'titleLong' : 'title');
      }
      setErrors([...found]);
      return;
    }
    const place = { districtId: value.districtId, municipalityId: value.municipalityId };
    const problems = territoryLookup ? territoryProblems(place, territoryLookup) : [];
    setPlaceProblems(problems);
    if (problems.length > 0) {
      setErrors(problems.some((p) => p.path[0] === 'districtId') ? ['district'] : []);
      return;
    }
    try {
      await onSave(value);
      setErrors([]);
      setSaved(true);
    } catch {
      setErrors(['save']);
    }
  };

  const has = (error: FieldError) => errors.includes(error);
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="new-note">
      <h2 id="new-note">{t('new')}</h2>
      {tree && tree.byId.size > 0 ? (
        <>
          <TerritoryPicker
            tree={tree}
            value={value}
            onChange={(picked) =>
              set({ districtId: picked.districtId, municipalityId: picked.municipalityId })
            }
            allowedDistrictIds={districtIds.length > 0 ? districtIds : undefined}
            invalid={has('district')}
          />
          {has('district') && <span className="field__error">{t('form.error.district')}</span>}
        </>
      ) : (
        <div className="field">
          <label className="field__label" htmlFor="note-district">
            {t('form.district')}
          </label>
          {districtIds.length > 0 ? (
            <select
              id="note-district"
              value={value.districtId}
              aria-invalid={has('district')}
              onChange={(e) => set({ districtId: e.target.value })}
            >
              <option value="">{t('form.chooseDistrict')}</option>
              {districtIds.map((id) => (
                <option key={id} value={id}>
                  {districtName?.(id) ?? id}
                </option>
              ))}
            </select>
          ) : (
            <input
              id="note-district"
              value={value.districtId}
              aria-invalid={has('district')}
              onChange={(e) => set({ districtId: e.target.value })}
            />
          )}
          {has('district') && <span className="field__error">{t('form.error.district')}</span>}
        </div>
      )}
      <label className="field">
        <span className="field__label">{t('form.title')}</span>
        <input
          value={value.title}
          aria-invalid={has('title') || has('titleLong')}
          onChange={(e) => set({ title: e.target.value })}
        />
        {has('title') && <span className="field__error">{t('form.error.title')}</span>}
        {has('titleLong') && <span className="field__error">{t('form.error.titleLong')}</span>}
      </label>
      <div className="field">
        {/* Not wrapped in the label: a textarea's text would join its accessible name. */}
        <label className="field__label" htmlFor="note-text">
          {t('form.text')}
        </label>
        <textarea
          id="note-text"
          rows={5}
          value={value.text}
          onChange={(e) => set({ text: e.target.value })}
        />
      </div>
      {placeProblems.length > 0 && (
        <div role="alert">
          {[...new Set(placeProblems.map((p) => p.reason))].map((reason) => (
            <p key={reason} className="form__error">
              {tc(`territoryProblem.${reason}`)}
            </p>
          ))}
        </div>
      )}
      {has('save') && (
        <p className="form__error" role="alert">
          {t('form.error.save')}
        </p>
      )}
      {saved && <output className="form__ok">{t('form.saved')}</output>}
      <button type="submit" className="button button--primary button--wide">
        {t('form.save')}
      </button>
    </form>
  );
}
