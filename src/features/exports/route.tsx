import '../../figures/dashboard.css';
import { ExportsPage } from './exports-page.tsx';

/** The exports (/dashboard/exports): the records within the filter as CSV or Excel files. */
export function Component() {
  return <ExportsPage />;
}
