import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { blobStore } from '../../db/app-db.ts';
import { type Answer, type Criterion, SCORES, type Score } from '../../domain/checklist.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { NotAnImageError, resizeImage } from '../../ui/resize-image.ts';
import { useAttachmentUrl } from '../../ui/use-attachment-url.ts';
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
 * One criterion: big 0 / 0.5 / 1 / n.a. choices, a comment, the evidence and an optional
 * photo of it (shrunk on the phone, kept by SHA-256, sent with the next sync).
 */
export function CriterionCard({ number, criterion, answer, onChange }: CriterionCardProps) {
  const { t } = useTranslation('checklists');
  const format = useFormat();
  const label = useScoreLabel();
  const id = useId();
  const [photoProblem, setPhotoProblem] = useState<'notImage' | 'save' | null>(null);
  const [busy, setBusy] = useState(false);
  const current = answer ?? {};
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
      <div className="field">
        <label className="field__label" htmlFor={`${id}-comment`}>
          {t('answer.comment')}
        </label>
        <textarea
          id={`${id}-comment`}
          rows={2}
          value={current.comment ?? ''}
          onChange={(e) => set({ comment: e.target.value }, true)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-evidence`}>
          {t('answer.evidence')}
        </label>
        <textarea
          id={`${id}-evidence`}
          rows={2}
          value={current.evidence ?? ''}
          onChange={(e) => set({ evidence: e.target.value }, true)}
        />
      </div>
      {current.photo ? (
        <EvidencePhoto
          sha256={current.photo}
          alt={t('answer.photoAlt', { number })}
          onRemove={() => set({ photo: undefined })}
          removeLabel={t('answer.removePhoto', { number })}
        />
      ) : (
        <div className="file-button">
          <label className="button" htmlFor={`${id}-photo`}>
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
      {busy && <p role="status">{t('answer.processing')}</p>}
      {photoProblem && (
        <p className="form__error" role="alert">
          {t(`answer.photoProblem.${photoProblem}`)}
        </p>
      )}
    </fieldset>
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
