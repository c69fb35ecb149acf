import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useUiPrefs } from '../ui/ui-prefs.ts';

/** Sections need a signed-in account (records carry who made them and sync to their districts). */
export function RequireAccount({ children }: { children: ReactNode }) {
  const account = useUiPrefs((s) => s.account);
  const location = useLocation();
  if (!account) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return children;
}
