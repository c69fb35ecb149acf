import type { Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { expect, signIn, test } from './fixtures.ts';
import { type DocumentIds, pushDocumentRecords, waitForPull } from './seed-records.ts';

let ids: DocumentIds;

test.beforeAll(async ({ request }) => {
  ids = await pushDocumentRecords(request);
});

const PERIOD = '?from=2020-01-01&to=2020-12-31';

/** Every screen of the app, as an admin reaches it (admins see the admin screens too). */
const screens = (ids: DocumentIds) => [
  '/',
  '/hearings',
  '/hearings/new',
  `/hearings/${ids.hearing}`,
  `/hearings/${ids.hearing}/print`,
  `/records/${ids.hearing}/history`,
  '/trainings',
  '/trainings/new',
  '/trainings/totals',
  `/trainings/${ids.training}`,
  `/trainings/${ids.training}/print?sheet=blank`,
  `/trainings/${ids.training}/print?sheet=filled`,
  '/checklists',
  '/checklists/new',
  '/checklists/template',
  '/checklists/compare',
  `/checklists/${ids.evaluation}`,
  `/checklists/${ids.evaluation}/edit`,
  `/checklists/${ids.evaluation}/print`,
  '/municipalities',
  '/notes',
  `/dashboard${PERIOD}`,
  `/dashboard/exports${PERIOD}`,
  `/dashboard/report${PERIOD}`,
  `/dashboard/report/${ids.report}`,
  `/dashboard/report/${ids.report}/print`,
  `/dashboard/presentation${PERIOD}`,
  '/sync',
  '/settings',
  '/users',
  '/lists',
  // What a record not (yet) on this device, or a wrong address, shows.
  '/hearings/not-here',
  '/hearings/not-here/print',
  '/trainings/not-here/print',
  '/checklists/not-here',
  '/checklists/not-here/print',
  '/dashboard/report/not-here/print',
  '/dashboard/activity/not-here',
  '/dashboard/nowhere',
  '/municipalities/not-here',
  '/nowhere',
];

/** Opens a screen and waits until it has drawn its main heading (the data has loaded). */
async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.locator('.page.muted')).toHaveCount(0);
}

/** Links the overview leads to, whose ids the seed does not know: drill-downs, a territory. */
async function linkedScreens(page: Page) {
  await open(page, `/dashboard${PERIOD}`);
  const hrefs = async (pattern: string) =>
    page.locator(`a[href^="${pattern}"]`).first().getAttribute('href');
  const activity = await hrefs('/dashboard/activity/');
  const attendance = await hrefs('/dashboard/attendance/');
  await open(page, '/municipalities');
  const territory = await page
    .locator('main a[href^="/municipalities/"]')
    .first()
    .getAttribute('href');
  return [activity, attendance, territory].filter((href): href is string => Boolean(href));
}

for (const language of ['en', 'ru', 'ky'] as const) {
  test(`every screen passes axe in ${language}`, async ({ page }) => {
    test.setTimeout(480_000);
    await page.goto(`/login?lng=${language}`);
    await expect(page.locator('h1')).toBeVisible();
    await expectAccessible(page, `/login (${language})`);

    await signIn(page, 'admin', language);
    await waitForPull(page, language);
    const linked = await linkedScreens(page);
    expect(linked).toHaveLength(3);
    for (const path of [...screens(ids), ...linked]) {
      await open(page, path);
      await expectAccessible(page, `${path} (${language})`);
    }
  });
}
