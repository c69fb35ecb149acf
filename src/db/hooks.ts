import { useEffect, useState } from 'react';
import { prefs } from './app-db.ts';

/** This device's id, made on first use (a write, so not inside a live query). */
export function useDeviceId(): string | undefined {
  const [id, setId] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    prefs.deviceId().then(
      (value) => {
        if (!cancelled) setId(value);
      },
      (error: unknown) => console.error(error),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return id;
}
