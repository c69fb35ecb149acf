/** The end of every form: what went wrong (announced), then Save and Cancel. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="form__error" role="alert">
      {message}
    </p>
  );
}

export interface SaveCancelProps {
  saveLabel: string;
  cancelLabel: string;
  onCancel: () => void;
  /** While saving: the save button is disabled. */
  busy?: boolean;
}

export function SaveCancel({ saveLabel, cancelLabel, onCancel, busy = false }: SaveCancelProps) {
  return (
    <div className="actions">
      <button type="submit" className="button button--primary" disabled={busy}>
        {saveLabel}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
