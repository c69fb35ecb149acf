import type { IconName } from '../ui/icons.tsx';

export interface Section {
  path: string;
  /** Key under `nav.` in the common namespace. */
  key: IconName;
  /** Shown in the phone's bottom bar; the others are reached from Home and the header. */
  primary: boolean;
}

export const SECTIONS: readonly Section[] = [
  { path: '/', key: 'home', primary: true },
  { path: '/hearings', key: 'hearings', primary: true },
  { path: '/trainings', key: 'trainings', primary: true },
  { path: '/checklists', key: 'checklists', primary: true },
  { path: '/municipalities', key: 'municipalities', primary: false },
  { path: '/notes', key: 'notes', primary: false },
  { path: '/dashboard', key: 'dashboard', primary: false },
  { path: '/sync', key: 'sync', primary: false },
  { path: '/settings', key: 'settings', primary: false },
];
