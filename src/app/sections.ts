import type { Role } from '../domain/sync-protocol.ts';
import type { IconName } from '../ui/icons.tsx';

export interface Section {
  path: string;
  /** Key under `nav.` in the common namespace. */
  key: IconName;
  /**
   * The roles that have it in the phone's bottom bar; the others reach it from Home and
   * the sidebar. Consultants count and score in the field; coordinators also follow the
   * figures, so the dashboard is one tap away for them.
   */
  bottomBar: readonly Role[];
}

const EVERYONE: readonly Role[] = ['consultant', 'coordinator', 'admin'];
const DESK: readonly Role[] = ['coordinator', 'admin'];

export const SECTIONS: readonly Section[] = [
  { path: '/', key: 'home', bottomBar: EVERYONE },
  { path: '/dashboard', key: 'dashboard', bottomBar: DESK },
  { path: '/hearings', key: 'hearings', bottomBar: EVERYONE },
  { path: '/trainings', key: 'trainings', bottomBar: EVERYONE },
  { path: '/checklists', key: 'checklists', bottomBar: EVERYONE },
  { path: '/municipalities', key: 'municipalities', bottomBar: [] },
  { path: '/notes', key: 'notes', bottomBar: [] },
  { path: '/sync', key: 'sync', bottomBar: [] },
  { path: '/settings', key: 'settings', bottomBar: [] },
];

/** Whether a section is in the bottom bar for someone with this role. */
export const inBottomBar = (section: Section, role: Role): boolean =>
  section.bottomBar.includes(role);
