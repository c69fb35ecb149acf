import type { ReactNode } from 'react';

export type IconName =
  | 'home'
  | 'hearings'
  | 'trainings'
  | 'checklists'
  | 'municipalities'
  | 'notes'
  | 'dashboard'
  | 'sync'
  | 'settings';

// 24x24 outline icons, drawn with currentColor.
const PATHS: Record<IconName, ReactNode> = {
  home: <path d="M3 11.5 12 4l9 7.5M5.5 9.5V20h5v-6h3v6h5V9.5" />,
  hearings: (
    <>
      <circle cx="8" cy="8" r="3" />
      <circle cx="16.5" cy="9" r="2.5" />
      <path d="M2.5 20c.5-3.5 2.6-5.5 5.5-5.5s5 2 5.5 5.5M13.5 15c.9-.7 1.9-1 3-1 2.5 0 4.3 1.8 4.8 5" />
    </>
  ),
  trainings: (
    <path d="M2 7.5 12 3l10 4.5-10 4.5L2 7.5Zm4 2.2V15c0 1.6 2.7 3 6 3s6-1.4 6-3V9.7M22 7.5V13" />
  ),
  checklists: (
    <path d="M9 5h11M9 12h11M9 19h11M3.5 5.2l1.2 1.2L7 4M3.5 12.2l1.2 1.2L7 11M3.5 19.2l1.2 1.2L7 18" />
  ),
  municipalities: (
    <>
      <path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21Z" />
      <circle cx="12" cy="9.5" r="2.5" />
    </>
  ),
  notes: <path d="M5 3.5h10l4 4V20.5H5zM14.5 3.5V8H19M8.5 12h7M8.5 16h5" />,
  dashboard: <path d="M4 20V10m6 10V4m6 16v-7m4 7H2" />,
  sync: (
    <path d="M20 12a8 8 0 0 1-14.3 4.9M4 12a8 8 0 0 1 14.3-4.9M18.5 3v4.2h-4.2M5.5 21v-4.2h4.2" />
  ),
  settings: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 2.5v3M12 18.5v3M4.6 4.6l2.1 2.1M17.3 17.3l2.1 2.1M2.5 12h3M18.5 12h3M4.6 19.4l2.1-2.1M17.3 6.7l2.1-2.1" />
    </>
  ),
};

export function Icon({ name, size = 24 }: { name: IconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
