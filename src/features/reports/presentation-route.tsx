import '../../figures/dashboard.css';
import { Presentation } from './presentation.tsx';

/** The presentation of results (/dashboard/presentation): the figures as slides. */
export function Component() {
  return <Presentation />;
}
