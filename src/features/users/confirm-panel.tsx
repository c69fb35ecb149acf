import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks before an account is disabled or enabled again. */
export function ConfirmPanel({
  text,
  confirm,
  busy,
  problem,
  onConfirm,
  onCancel,
}: {
  text: string;
  confirm: string;
  busy: boolean;
  problem: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('users');
  const textId = useId();
  return (
    <div className="notice" role="alertdialog" aria-label={confirm} aria-describedby={textId}>
      <p id={textId}>{text}</p>
      {problem && (
        <p className="form__error" role="alert">
          {problem}
        </p>
      )}
      <div className="notice__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={onConfirm}
        >
          {confirm}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </div>
  );
}
