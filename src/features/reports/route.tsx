import { Route, Routes } from 'react-router';
import '../../figures/dashboard.css';
import { FiguresNotFound } from '../../figures/figures-not-found.tsx';
import { ReportEditor } from './report-editor.tsx';
import { ReportList } from './report-list.tsx';
import { ReportPrint } from './report-print.tsx';

/** The lessons-learned reports (under /dashboard/report): the list, the editor, the print. */
export function Component() {
  return (
    <Routes>
      <Route index element={<ReportList />} />
      <Route path=":id" element={<ReportEditor />} />
      <Route path=":id/print" element={<ReportPrint />} />
      <Route path="*" element={<FiguresNotFound />} />
    </Routes>
  );
}
