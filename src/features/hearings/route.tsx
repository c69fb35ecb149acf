import { Route, Routes } from 'react-router';
import './hearings.css';
import { HearingEditor } from './hearing-editor.tsx';
import { HearingList } from './hearing-list.tsx';
import { HearingNew } from './hearing-new.tsx';
import { HearingPrint } from './hearing-print.tsx';

/** Public hearings: the list, a new hearing, one hearing, and its printable minutes. */
export function Component() {
  return (
    <Routes>
      <Route index element={<HearingList />} />
      <Route path="new" element={<HearingNew />} />
      <Route path=":id" element={<HearingEditor />} />
      <Route path=":id/print" element={<HearingPrint />} />
    </Routes>
  );
}
