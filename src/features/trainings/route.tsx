import { Route, Routes } from 'react-router';
import './trainings.css';
import { TrainingEditor } from './training-editor.tsx';
import { TrainingList } from './training-list.tsx';
import { TrainingNew } from './training-new.tsx';
import { TrainingPrint } from './training-print.tsx';
import { TotalsByMunicipality } from './training-totals.tsx';

/** Trainings: the list, a new one, totals by municipality, one training, its sheets. */
export function Component() {
  return (
    <Routes>
      <Route index element={<TrainingList />} />
      <Route path="new" element={<TrainingNew />} />
      <Route path="totals" element={<TotalsByMunicipality />} />
      <Route path=":id" element={<TrainingEditor />} />
      <Route path=":id/print" element={<TrainingPrint />} />
    </Routes>
  );
}
