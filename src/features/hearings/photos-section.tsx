import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { blobStore } from '../../db/app-db.ts';
import { type HearingPhoto, PHOTO_KINDS } from '../../domain/hearing.ts';
import { useAttachmentUrl } from '../../records/use-attachment-url.ts';
import { NotAnImageError, resizeImage } from '../../ui/resize-image.ts';

export interface PhotosSectionProps {
  photos: readonly HearingPhoto[];
  onChange: (next: HearingPhoto[]) => void;
}

const MAX_PHOTOS = 30;

/**
 * Photos of the signed attendance sheet and of the hearing: taken with the camera, shrunk
 * on the phone, kept on the device by SHA-256 and sent with the next sync.
 */
export function PhotosSection({ photos, onChange }: PhotosSectionProps) {
  const { t } = useTranslation('hearings');
  const id = useId();
  const [problem, setProblem] = useState<'notImage' | 'save' | 'tooMany' | null>(null);
  const [busy, setBusy] = useState(false);

  const add = (kind: HearingPhoto['kind']) => async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length === 0) return;
    setProblem(null);
    if (photos.length + files.length > MAX_PHOTOS) return setProblem('tooMany');
    setBusy(true);
    try {
      const added: HearingPhoto[] = [];
      for (const file of files) {
        const sha256 = await blobStore.save(await resizeImage(file));
        if (!photos.some((p) => p.sha256 === sha256)) added.push({ sha256, kind });
      }
      onChange([...photos, ...added]);
    } catch (error) {
      setProblem(error instanceof NotAnImageError ? 'notImage' : 'save');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} id="photos">
      <h2 id={`${id}-title`}>{t('photos.title', { count: photos.length })}</h2>
      <p className="muted">{t('photos.hint')}</p>
      <div className="actions">
        {(['attendance-sheet', 'other'] as const).map((kind) => (
          <div key={kind} className="file-button">
            <label className="button" htmlFor={`${id}-${kind}`}>
              {t(`photos.add.${kind}`)}
            </label>
            <input
              id={`${id}-${kind}`}
              className="visually-hidden"
              type="file"
              accept="image/*"
              capture="environment"
              disabled={busy}
              onChange={add(kind)}
            />
          </div>
        ))}
      </div>
      {busy && <p role="status">{t('photos.processing')}</p>}
      {problem && (
        <p className="form__error" role="alert">
          {t(`photos.problem.${problem}`)}
        </p>
      )}
      <ul className="photos">
        {photos.map((photo, index) => (
          <PhotoItem
            key={photo.sha256}
            photo={photo}
            n={index + 1}
            onKind={(kind) =>
              onChange(photos.map((p) => (p.sha256 === photo.sha256 ? { ...p, kind } : p)))
            }
            onRemove={() => onChange(photos.filter((p) => p.sha256 !== photo.sha256))}
          />
        ))}
      </ul>
    </section>
  );
}

interface PhotoItemProps {
  photo: HearingPhoto;
  n: number;
  onKind: (kind: HearingPhoto['kind']) => void;
  onRemove: () => void;
}

function PhotoItem({ photo, n, onKind, onRemove }: PhotoItemProps) {
  const { t } = useTranslation('hearings');
  const url = useAttachmentUrl(photo.sha256);
  const id = useId();
  const alt = t('photos.alt', { n, kind: t(`photos.kind.${photo.kind}`) });
  return (
    <li className="photos__item">
      {url === 'missing' ? (
        <p className="muted">{t('photos.missing')}</p>
      ) : url ? (
        <a href={url} target="_blank" rel="noreferrer">
          <img src={url} alt={alt} loading="lazy" />
        </a>
      ) : (
        <p className="muted">{t('photos.loading')}</p>
      )}
      <label className="field__label" htmlFor={`${id}-kind`}>
        {t('photos.kindLabel', { n })}
      </label>
      <select
        id={`${id}-kind`}
        value={photo.kind}
        onChange={(e) => onKind(e.target.value as HearingPhoto['kind'])}
      >
        {PHOTO_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`photos.kind.${kind}`)}
          </option>
        ))}
      </select>
      <button type="button" className="button button--quiet" onClick={onRemove}>
        {t('photos.remove', { n })}
      </button>
    </li>
  );
}
