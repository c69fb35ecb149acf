import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { blobStore } from '../../db/app-db.ts';
import { type Answer, type Criterion, SCORES, type Score } from '../../domain/checklist.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { useAttachmentUrl } from '../../records/use-attachment-url.ts';
import { NotAnImageError, resizeImage } from '../../ui/resize-image.ts';
import { useScoreLabel } from './use-score-label.ts';

export interface CriterionCardProps {
  /** "1.2": dimension and criterion number. */
  number: string;
  criterion: Criterion;
  answer: Answer | undefined;
  /** Fields of the answer that changed (merged into the newest state by the editor). */
  onChange: (patch: Partial<Answer>, options?: { typing?: boolean }) => void;
}

/**
 * One criterion: big 0 / 0.5 / 1 / n.a. choices; a comment, the evidence and a photo of it
 * (shrunk on the phone, kept by SHA-256, sent with the next sync) stay folded behind one
 * button each until used, so a criterion takes little more than its choices.
 */
export function CriterionCard({ number, criterion, answer, onChange }: CriterionCardProps) {
  const { t } = useTranslation('checklists');
  const format = useFormat();
  const label = useScoreLabel();
  const id = useId();
  const [photoProblem, setPhotoProblem] = useState<'notImage' | 'save' | null>(null);
  const [busy, setBusy] = useState(false);
  const current = answer ?? {};
  // Unfolded by its button (the cursor goes in), or shown because it holds something.
  const [unfolded, setUnfolded] = useState<{ comment?: boolean; evidence?: boolean }>({});
  const unfold = (field: 'comment' | 'evidence') => setUnfolded((u) => ({ ...u, [field]: true }));
  const commentShown = Boolean(unfolded.comment || current.comment);
  const evidenceShown = Boolean(unfolded.evidence || current.evidence);
  const text = criterion.text[format.language];
  const set = (patch: Partial<Answer>, typing = false) => onChange(patch, { typing });

  const addPhoto = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setPhotoProblem(null);
    setBusy(true);
    try {
      set({ photo: await blobStore.save(await resizeImage(file)) });
    } catch (error) {
      setPhotoProblem(error instanceof NotAnImageError ? 'notImage' : 'save');
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset
      className={`criterion${current.score === undefined ? '' : ' criterion--answered'}`}
      id={`criterion-${criterion.code}`}
    >
      <legend className="criterion__text">
        <span className="criterion__number">{number}</span> {text}
      </legend>
      {criterion.guidance && (
        <p className="criterion__guidance muted">{criterion.guidance[format.language]}</p>
      )}
      <div className="scores">
        {SCORES.map((score: Score) => (
          <label key={String(score)} className="choice score-choice">
            <input
              type="radio"
              name={`${id}-score`}
              checked={current.score === score}
              onChange={() => set({ score })}
            />
            {label(score)}
          </label>
        ))}
      </div>
      {commentShown && (
        <FoldedText
          id={`${id}-comment`}
          label={t('answer.comment')}
          value={current.comment ?? ''}
          focus={Boolean(unfolded.comment)}
          onChange={(comment) => set({ comment }, true)}
        />
      )}
      {evidenceShown && (
        <FoldedText
          id={`${id}-evidence`}
          label={t('answer.evidence')}
          value={current.evidence ?? ''}
          focus={Boolean(unfolded.evidence)}
          onChange={(evidence) => set({ evidence }, true)}
        />
      )}
      <div className="criterion__extras">
        {!commentShown && (
          <button
            type="button"
            className="button button--compact"
            onClick={() => unfold('comment')}
          >
            {t('answer.addComment')}
          </button>
        )}
        {!evidenceShown && (
          <button
            type="button"
            className="button button--compact"
            onClick={() => unfold('evidence')}
          >
            {t('answer.addEvidence')}
          </button>
        )}
        {!current.photo && (
          <div className="file-button">
            <label className="button button--compact" htmlFor={`${id}-photo`}>
              {t('answer.addPhoto')}
            </label>
            <input
              id={`${id}-photo`}
              className="visually-hidden"
              type="file"
              accept="image/*"
              capture="environment"
              disabled={busy}
              onChange={addPhoto}
            />
          </div>
        )}
      </div>
      {current.photo && (
        <EvidencePhoto
          sha256={current.photo}
          alt={t('answer.photoAlt', { number })}
          onRemove={() => set({ photo: undefined })}
          removeLabel={t('answer.removePhoto', { number })}
        />
      )}
      {busy && <p role="status">{t('answer.processing')}</p>}
      {photoProblem && (
        <p className="form__error" role="alert">
          {t(`answer.photoProblem.${photoProblem}`)}
        </p>
      )}
    </fieldset>
  );
}

interface FoldedTextProps {
  id: string;
  label: string;
  value: string;
  /** Just unfolded by its button: the cursor goes in. */
  focus: boolean;
  onChange: (value: string) => void;
}

function FoldedText({ id, label, value, focus, onChange }: FoldedTextProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        ref={ref}
        id={id}
        rows={2}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

interface EvidencePhotoProps {
  sha256: string;
  alt: string;
  onRemove?: () => void;
  removeLabel?: string;
}

/** The photo of an answer's evidence (from this device, or fetched once from the server). */
export function EvidencePhoto({ sha256, alt, onRemove, removeLabel }: EvidencePhotoProps) {
  const { t } = useTranslation('checklists');
  const url = useAttachmentUrl(sha256);
  return (
    <div className="evidence-photo">
      {url === 'missing' ? (
        <p className="muted">{t('answer.photoMissing')}</p>
      ) : url ? (
        <a href={url} target="_blank" rel="noreferrer">
          <img src={url} alt={alt} loading="lazy" />
        </a>
      ) : (
        <p className="muted">{t('loading')}</p>
      )}
      {onRemove && (
        <button type="button" className="button button--quiet" onClick={onRemove}>
          {removeLabel}
        </button>
      )}
    </div>
  );
}
