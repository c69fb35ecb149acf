import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n/languages.ts';
import { FormError, SaveCancel } from '../../ui/form-actions.tsx';
import type { Names, NamesProblem } from './list-edits.ts';

export interface NamesFormProps {
  title: string;
  initial: Names;
  /** Checks and trims the names, or says what is wrong. */
  check: (names: Names) => { names: Names } | { problem: NamesProblem };
  /** The line under the fields, e.g. the code the item gets. */
  note?: (names: Names) => string;
  onSave: (names: Names) => Promise<void>;
  onCancel: () => void;
}

type Problem = NamesProblem | { kind: 'save' };

/** The names of an item in the three languages; what was typed stays on any error. */
export function NamesForm({ title, initial, check, note, onSave, onCancel }: NamesFormProps) {
  const { t } = useTranslation('reference-lists');
  const id = useId();
  const [names, setNames] = useState(initial);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = check(names);
    if ('problem' in checked) {
      setProblem(checked.problem);
      return;
    }
    setBusy(true);
    try {
      await onSave(checked.names);
    } catch {
      setProblem({ kind: 'save' });
      setBusy(false);
    }
  };

  const invalid = (language: (typeof LANGUAGES)[number]) => {
    if (!problem) return false;
    if (problem.kind === 'missing' || problem.kind === 'tooLong') {
      return problem.languages.includes(language);
    }
    return problem.kind === 'duplicate' && problem.language === language;
  };
  const message =
    problem &&
    (problem.kind === 'duplicate'
      ? t('error.duplicate', { name: problem.name })
      : t(`error.${problem.kind}`));

  return (
    <form className="form lists-form" onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      {LANGUAGES.map((language) => (
        <div className="field" key={language}>
          <label className="field__label" htmlFor={`${id}-${language}`}>
            {t(`names.${language}`)}
          </label>
          <input
            id={`${id}-${language}`}
            lang={language}
            value={names[language]}
            maxLength={400}
            autoComplete="off"
            aria-invalid={invalid(language)}
            onChange={(event) => {
              setNames({ ...names, [language]: event.target.value });
              if (problem?.kind === 'save') setProblem(null);
            }}
          />
        </div>
      ))}
      {note && <p className="muted lists-form__note">{note(names)}</p>}
      <FormError message={message} />
      <SaveCancel
        saveLabel={t('action.save')}
        cancelLabel={t('action.cancel')}
        onCancel={onCancel}
        busy={busy}
      />
    </form>
  );
}
