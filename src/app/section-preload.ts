/**
 * The bottom bar's sections, made ready before they are tapped: once the shell is up, each
 * section's code and strings load, and its list is read ahead (a coordinator's device may
 * hold tens of thousands of hearings). The list index is loaded lazily here too: nothing
 * of the database comes with the shell's own code.
 */
import type { i18n } from 'i18next';
import type { Role } from '../domain/sync-protocol.ts';
import { inBottomBar, SECTIONS } from './sections.ts';

/** The code of the sections that have a bottom-bar tap (the router loads them from here too). */
export const SECTION_CODE = {
  hearings: () => import('../features/hearings/route.tsx'),
  dashboard: () => import('../features/dashboard/route.tsx'),
  trainings: () => import('../features/trainings/route.tsx'),
  checklists: () => import('../features/checklists/route.tsx'),
} as const;

type PreloadedSection = keyof typeof SECTION_CODE;

/**
 * The dashboard's other pages, each a feature of its own (routed under /dashboard), made
 * ready along with it so its page links open as quickly as its own drill-downs.
 */
export const DASHBOARD_PAGES = {
  exports: () => import('../features/exports/route.tsx'),
  reports: () => import('../features/reports/route.tsx'),
  presentation: () => import('../features/reports/presentation-route.tsx'),
} as const;

/** The list each section opens on, read ahead; the first rows it draws. */
const SECTION_LIST = {
  hearings: 'hearing',
  trainings: 'training',
  checklists: 'evaluation',
} as const;
const FIRST_ROWS = 50;

const isPreloaded = (key: string): key is PreloadedSection => Object.hasOwn(SECTION_CODE, key);

/** The bottom bar's sections for a role, in the order they are made ready (hearings first). */
export function sectionsToPreload(role: Role): PreloadedSection[] {
  const keys = SECTIONS.filter((s) => inBottomBar(s, role))
    .map((s) => s.key)
    .filter(isPreloaded);
  return keys.sort((a, b) => Number(b === 'hearings') - Number(a === 'hearings'));
}

async function prepare(key: PreloadedSection, i18next: i18n) {
  const list = key in SECTION_LIST ? SECTION_LIST[key as keyof typeof SECTION_LIST] : undefined;
  await Promise.all([
    SECTION_CODE[key](),
    key === 'dashboard' && Promise.all(Object.values(DASHBOARD_PAGES).map((load) => load())),
    // The section's strings carry its key as their namespace.
    i18next.loadNamespaces(key),
    list &&
      import('../db/use-list-index.ts').then(({ warmListEntries }) =>
        warmListEntries(list, FIRST_ROWS),
      ),
  ]);
}

/**
 * Makes the role's bottom-bar sections ready, one after another; a failure only means the
 * section loads when it is opened, as it would have anyway. Returns a stop for the rest.
 */
export function preloadSections(role: Role, i18next: i18n): () => void {
  let stopped = false;
  void (async () => {
    for (const key of sectionsToPreload(role)) {
      if (stopped) return;
      await prepare(key, i18next).catch(() => undefined);
    }
  })();
  return () => {
    stopped = true;
  };
}
