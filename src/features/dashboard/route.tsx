import { Route, Routes } from 'react-router';
import '../../figures/dashboard.css';
import { FiguresNotFound } from '../../figures/figures-not-found.tsx';
import { ActivityDetail } from './activity-detail.tsx';
import { AttendanceDetail } from './attendance-detail.tsx';
import { Overview } from './overview.tsx';

/**
 * The dashboard: work-plan progress and gender figures, with drill-downs to the records.
 * Its other pages (exports, the lessons-learned report and the presentation) are the
 * `exports` and `reports` features, routed under /dashboard by the app's router.
 */
export function Component() {
  return (
    <Routes>
      <Route index element={<Overview />} />
      <Route path="activity/:id" element={<ActivityDetail />} />
      <Route path="attendance/:level/:key" element={<AttendanceDetail />} />
      <Route path="*" element={<FiguresNotFound />} />
    </Routes>
  );
}
