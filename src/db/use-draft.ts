import { useCallback, useEffect, useRef, useState } from 'react';
import { drafts } from './app-db.ts';

const SAVE_DELAY_MS = 300;

/**
 * Form state that survives a reload, a killed tab and an app update: every change is
 * written to the drafts table shortly after it is made. `ready` is false until the saved
 * draft (if any) has been read back.
 */
export function useDraft<T>(key: string, initial: T) {
  const [value, setValue] = useState<T>(initial);
  const [ready, setReady] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<T>(initial);

  useEffect(() => {
    let cancelled = false;
    drafts.load<T>(key).then(
      (saved) => {
        if (cancelled) return;
        if (saved !== undefined) {
          latest.current = saved;
          setValue(saved);
        }
        setReady(true);
      },
      () => setReady(true),
    );
    return () => {
      cancelled = true;
    };
  }, [key]);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    return drafts.save(key, latest.current);
  }, [key]);

  // Write what is pending when the page is hidden or the form goes away.
  useEffect(() => {
    const onHide = () => {
      if (timer.current) void flush();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      if (timer.current) void flush();
    };
  }, [flush]);

  const update = useCallback(
    (next: T) => {
      latest.current = next;
      setValue(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  const discard = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    latest.current = initial;
    setValue(initial);
    await drafts.discard(key);
  }, [key, initial]);

  return { value, update, discard, ready };
}
