import { lazy, Suspense } from 'react';
import { usePendingCount } from '../../db/use-pending-count.ts';
import { HomeView } from './home-view.tsx';

// With the device database: not needed for Home's first paint.
const InstallHint = lazy(() =>
  import('../../pwa/install-hint.tsx').then((m) => ({ default: m.InstallHint })),
);

export function Component() {
  return (
    <HomeView
      today={new Date()}
      pending={usePendingCount()}
      installHint={
        <Suspense fallback={null}>
          <InstallHint />
        </Suspense>
      }
    />
  );
}
