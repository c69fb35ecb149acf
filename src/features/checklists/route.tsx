import { Route, Routes } from 'react-router';
import './checklists.css';
import { EvaluationCompare } from './evaluation-compare.tsx';
import { EvaluationEditor } from './evaluation-editor.tsx';
import { EvaluationList } from './evaluation-list.tsx';
import { EvaluationNew } from './evaluation-new.tsx';
import { EvaluationPage } from './evaluation-page.tsx';
import { EvaluationPrint } from './evaluation-print.tsx';
import { TemplatePage } from './template-page.tsx';

/**
 * Evaluation checklists of draft programmes: the list and table of evaluated programmes, a
 * new evaluation, scoring, scores, comparison of two drafts, the printable report, and the
 * versioned template.
 */
export function Component() {
  return (
    <Routes>
      <Route index element={<EvaluationList />} />
      <Route path="new" element={<EvaluationNew />} />
      <Route path="compare" element={<EvaluationCompare />} />
      <Route path="template" element={<TemplatePage />} />
      <Route path=":id" element={<EvaluationPage />} />
      <Route path=":id/edit" element={<EvaluationEditor />} />
      <Route path=":id/print" element={<EvaluationPrint />} />
    </Routes>
  );
}
