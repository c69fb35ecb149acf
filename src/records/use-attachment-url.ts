import { useEffect, useState } from 'react';
import { loadAttachment } from '../sync/attachments.ts';

/**
 * An object URL for an attachment (from this device, or fetched once from the server), or
 * 'missing' when neither has it (offline on another device); revoked when no longer shown.
 */
export function useAttachmentUrl(sha256: string | undefined): string | 'missing' | undefined {
  const [url, setUrl] = useState<string | 'missing'>();
  useEffect(() => {
    if (!sha256) return;
    let cancelled = false;
    let made: string | undefined;
    setUrl(undefined);
    loadAttachment(sha256).then(
      (blob) => {
        if (cancelled) return;
        if (!blob) return setUrl('missing');
        made = URL.createObjectURL(blob);
        setUrl(made);
      },
      () => !cancelled && setUrl('missing'),
    );
    return () => {
      cancelled = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [sha256]);
  return url;
}
