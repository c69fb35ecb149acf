import { lazy, Suspense } from 'react';
import { usePendingCount } from '../../db/use-pending-count.ts';
import { HomeView } from './home-view.tsx';
import { useUnfinishedCounts } from './use-unfinished-counts.ts';

// With the device database: not needed for Home's first paint.
const InstallHint = lazy(() =>
  import('../../pwa/install-hint.tsx').then((m) => ({ default: m.InstallHint })),
);

export function Component() {
  const today = new Date();
  const unfinished = useUnfinishedCounts(today);
  return (
    <HomeView
      today={today}
      unfinished={unfinished}
      pending={usePendingCount()}
      installHint={
        <Suspense fallback={null}>
          <InstallHint />
        </Suspense>
      }
    />
  );
}
