import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Territory } from '../../domain/territory.ts';
import { FormError, SaveCancel } from '../../ui/form-actions.tsx';

export interface TerritoryFormValue {
  names: Territory['names'];
  municipalityType: 'town' | 'aiyl-aimak';
  target: boolean;
}

export interface TerritoryFormProps {
  initial: TerritoryFormValue;
  /** Municipalities have a type; regions and districts do not. */
  withType: boolean;
  onSave: (value: TerritoryFormValue) => Promise<void>;
  onCancel: () => void;
  title: string;
}

const LANGUAGE_FIELDS = [
  ['ru', 'admin.nameRu'],
  ['ky', 'admin.nameKy'],
  ['en', 'admin.nameEn'],
] as const;

/** Admin form for a territory's names, type and target flag. */
export function TerritoryForm({ initial, withType, onSave, onCancel, title }: TerritoryFormProps) {
  const { t } = useTranslation('territories');
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<'names' | 'save' | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const names = {
      ru: value.names.ru.trim(),
      ky: value.names.ky.trim(),
      en: value.names.en.trim(),
    };
    if (!names.ru || !names.ky || !names.en) {
      setError('names');
      return;
    }
    try {
      await onSave({ ...value, names });
      setError(null);
    } catch {
      setError('save');
    }
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-label={title}>
      <h2>{title}</h2>
      {LANGUAGE_FIELDS.map(([lng, label]) => (
        <div className="field" key={lng}>
          <label className="field__label" htmlFor={`territory-name-${lng}`}>
            {t(label)}
          </label>
          <input
            id={`territory-name-${lng}`}
            lang={lng}
            value={value.names[lng]}
            aria-invalid={error === 'names' && !value.names[lng].trim()}
            onChange={(e) =>
              setValue({ ...value, names: { ...value.names, [lng]: e.target.value } })
            }
          />
        </div>
      ))}
      {withType && (
        <fieldset className="choices">
          <legend>{t('admin.type')}</legend>
          {(['aiyl-aimak', 'town'] as const).map((type) => (
            <label key={type} className="choice">
              <input
                type="radio"
                name="municipality-type"
                checked={value.municipalityType === type}
                onChange={() => setValue({ ...value, municipalityType: type })}
              />
              {t(`municipalityType.${type}`)}
            </label>
          ))}
        </fieldset>
      )}
      <label className="choice">
        <input
          type="checkbox"
          checked={value.target}
          onChange={(e) => setValue({ ...value, target: e.target.checked })}
        />
        {t('admin.targetLabel')}
      </label>
      <FormError message={error && t(`admin.error.${error}`)} />
      <SaveCancel saveLabel={t('admin.save')} cancelLabel={t('admin.cancel')} onCancel={onCancel} />
    </form>
  );
}
