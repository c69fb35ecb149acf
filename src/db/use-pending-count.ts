import { useEffect, useState } from 'react';

/**
 * Outbox entries not yet acknowledged by the server; undefined while loading. The
 * database code is imported on first use, so the first screen paints without it.
 */
export function usePendingCount(): number | undefined {
  const [count, setCount] = useState<number>();
  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    import('./live.ts').then(({ subscribePendingCount }) => {
      if (!cancelled) unsubscribe = subscribePendingCount(setCount);
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, []);
  return count;
}
