import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { TERRITORY_SEED } from '../../server/seed/territory-seed.ts';
import { bodyHash, sha256Hex } from '../../src/domain/hash.ts';
import { newHearing } from '../../src/domain/hearing.ts';
import { BOM, parseCsv } from '../../src/export/csv.ts';
import { expect, signIn, test, waitForServiceWorker } from './fixtures.ts';
import { E2E_PASSWORD } from './global-setup.ts';

/**
 * Figures are checked for 2019, a year no other journey records anything in, so the
 * numbers below are hand-computed from the records pushed here alone.
 */
const PERIOD = '?from=2019-01-01&to=2019-12-31';

const id = (code: string) => {
  const found = TERRITORY_SEED.find((t) => t.code === code);
  if (!found) throw new Error(code);
  return found.id;
};
const NOOKEN = id('nooken');
const AKSY = id('aksy');
const KOCHKOR = id('kochkor-ata');
const SHAMALDY = id('shamaldy-say');
const KERBEN = id('kerben');

async function tokenOf(request: APIRequestContext, username: string) {
  const login = await request.post('/api/auth/login', {
    data: { username, password: E2E_PASSWORD },
  });
  expect(login.status()).toBe(200);
  return ((await login.json()) as { token: string }).token;
}

/** A fixed UUID (v8) for a name: pushing again after a retried test stores nothing twice. */
async function nameId(name: string) {
  const hex = await sha256Hex(`e2e-dashboard:${name}`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Pushes records as a consultant would from the field: through the sync API. */
async function push(
  request: APIRequestContext,
  username: string,
  records: { type: string; body: Record<string, unknown> }[],
) {
  const token = await tokenOf(request, username);
  const mutations = await Promise.all(
    records.map(async ({ type, body }, i) => ({
      mutationId: await nameId(`${username}:mutation:${i}`),
      type,
      id: await nameId(`${username}:record:${i}`),
      op: 'put',
      baseRev: 0,
      body,
      hash: await bodyHash(body),
    })),
  );
  const response = await request.post('/api/sync/push', {
    headers: { authorization: `Bearer ${token}` },
    data: { deviceId: `e2e-dashboard-${username}`, schemaVersion: 1, mutations },
  });
  const { results } = (await response.json()) as { results: { status: string }[] };
  for (const result of results) expect(['applied', 'duplicate']).toContain(result.status);
}

const hearing = (
  place: { districtId: string; municipalityId: string },
  patch: Record<string, unknown>,
) => ({
  ...newHearing(place, new Date(2019, 2, 1, 10, 0)),
  chair: 'Председатель',
  secretary: 'Секретарь',
  endTime: '12:00',
  status: 'final',
  ...patch,
});

const proposal = (n: number, raisedBy: string[], response: string) => ({
  id: `p${n}`,
  text: `Предложение ${n}`,
  raisedBy,
  response,
  ...(response === 'rejected' ? { reason: 'Нет бюджета' } : {}),
});

/*
 * Hand-computed expectations for 2019:
 * - Kochkor-Ata: 14 women, 6 men; Shamaldy-Say: 5 women, 15 men; Kerben: 20 and 20.
 *   Everyone: 39 women, 41 men, 80; women's share 39 / 80 = 48.75 %.
 * - Proposals: from women 2, both accepted; from youth 2, one accepted.
 * - Drafts submitted: Kochkor-Ata (two versions, counted once) and Shamaldy-Say = 2.
 * - Council approvals: Kochkor-Ata = 1. Drafts evaluated: Kerben (stage) = 1.
 */
test.beforeAll(async ({ request }) => {
  await push(request, 'aida', [
    {
      type: 'hearing',
      body: hearing(
        { districtId: NOOKEN, municipalityId: KOCHKOR },
        {
          date: '2019-03-12',
          venue: 'Айыл өкмөтү, чоң зал',
          organiser: '=1+2',
          attendance: { tally: { women: 14, men: 6, groups: { youth: 4 } }, participants: [] },
          proposals: [
            proposal(1, ['women'], 'accepted'),
            proposal(2, ['youth'], 'rejected'),
            proposal(3, ['women', 'youth'], 'accepted'),
          ],
        },
      ),
    },
    {
      type: 'hearing',
      body: hearing(
        { districtId: NOOKEN, municipalityId: SHAMALDY },
        {
          date: '2019-04-02',
          venue: 'Мектеп',
          organiser: 'Айыл өкмөтү',
          attendance: { tally: { women: 5, men: 15, groups: {} }, participants: [] },
          proposals: [proposal(4, ['men'], 'accepted')],
        },
      ),
    },
    ...['1', '2'].map((draftVersion, i) => ({
      type: 'milestone',
      body: {
        districtId: NOOKEN,
        territoryId: KOCHKOR,
        kind: 'draft-submitted',
        date: `2019-0${5 + i}-01`,
        draftVersion,
      },
    })),
    {
      type: 'milestone',
      body: {
        districtId: NOOKEN,
        territoryId: SHAMALDY,
        kind: 'draft-submitted',
        date: '2019-06-10',
        draftVersion: '1',
      },
    },
    {
      type: 'milestone',
      body: {
        districtId: NOOKEN,
        territoryId: KOCHKOR,
        kind: 'approved',
        date: '2019-09-20',
        resolutionNumber: '7/3',
      },
    },
  ]);
  await push(request, 'ainura', [
    {
      type: 'hearing',
      body: hearing(
        { districtId: AKSY, municipalityId: KERBEN },
        {
          date: '2019-05-20',
          venue: 'Маданият үйү',
          attendance: { tally: { women: 20, men: 20, groups: { youth: 10 } }, participants: [] },
        },
      ),
    },
    {
      type: 'milestone',
      body: { districtId: AKSY, territoryId: KERBEN, kind: 'evaluated', date: '2019-07-01' },
    },
  ]);
});

/** Signs in and waits until the first pull has brought the records in. */
async function openDashboard(page: Page, username: string, path = `/dashboard${PERIOD}`) {
  await signIn(page, username);
  await page.goto('/sync');
  await expect(page.getByText(/^Last successful sync: /)).toBeVisible();
  await page.goto(path);
  await expect(page.getByRole('navigation', { name: 'Dashboard pages' })).toBeVisible();
}

const pdfPages = (pdf: Buffer) =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test('a coordinator sees work-plan progress and gender figures, drills down and exports', async ({
  page,
}) => {
  await openDashboard(page, 'admin');

  // Work plan: actuals from records, with the records behind them.
  const plan = page.getByRole('region', { name: 'Work plan' });
  const submitted = plan.getByRole('listitem').filter({ hasText: 'Draft SEDPs of 24' });
  // Targets and deadlines are the seeded ones unless a journey run earlier edited them.
  await expect(submitted.getByRole('link', { name: /^2 of \d+$/ })).toBeVisible();
  await expect(
    plan
      .getByRole('listitem')
      .filter({ hasText: 'Presentation held' })
      .getByText('Deadline passed', { exact: true }),
  ).toBeVisible();
  await expect(
    plan
      .getByRole('listitem')
      .filter({ hasText: 'approved by the local council' })
      .getByRole('link', { name: /^1 of \d+$/ }),
  ).toBeVisible();
  await expect(
    plan
      .getByRole('listitem')
      .filter({ hasText: 'Draft SEDPs evaluated' })
      .getByRole('link', { name: /^1 of \d+$/ }),
  ).toBeVisible();
  await submitted.getByRole('link', { name: /^2 of \d+$/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Kochkor-Ata' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Shamaldy-Say' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Programme stage: Draft submitted/ })).toHaveCount(
    3,
  );
  await page.getByRole('link', { name: '← Dashboard' }).click();

  // Gender and inclusion figures.
  const gender = page.getByRole('region', { name: 'Gender and inclusion' });
  const keyFigures = gender.locator('dl').first().locator('> div');
  await expect(keyFigures).toHaveText([
    /^Participants\s*80\s*3 hearings, 0 trainings$/,
    /^Women's share\s*48\.8%\s*39 women, 41 men$/,
    /^Proposals from women\s*2 accepted of 2$/,
    /^Proposals from youth\s*1 accepted of 2$/,
  ]);

  // The chart is drawn in Chromium, and its table carries the same figures.
  const bySex = page.getByRole('figure', { name: 'Women and men by municipality' });
  await expect(bySex.locator('.bar-chart[data-state="ready"] canvas')).toBeVisible();
  const painted = await bySex.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height) ?? {
      data: [],
    };
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n += 1;
    return n;
  });
  expect(painted).toBeGreaterThan(500);
  const table = bySex.getByRole('table', { name: 'Women and men by municipality' });
  await expect(table).toBeAttached();
  await bySex.getByRole('button', { name: 'Show the figures as a table' }).click();
  await expect(table).toBeVisible();
  await expect(table.getByRole('row', { name: /Kochkor-Ata/ })).toHaveText(
    /Kochkor-Ata\s*14\s*6\s*20/,
  );
  await expect(table.getByRole('row').last()).toHaveText(/^Total\s*39\s*41\s*80$/);

  // Drill-down from a row of figures to its hearings.
  await page.getByLabel('Rows').selectOption({ label: 'district' });
  await gender.getByRole('link', { name: 'Nooken District' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Attendance: Nooken District' }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Public hearing: Айыл өкмөтү, чоң зал' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Public hearing: Мектеп' })).toBeVisible();

  // Exports: CSV with BOM and Cyrillic, formulas neutralised; the XLSX workbook likewise.
  await page.goto(`/dashboard/exports${PERIOD}`);
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV: Hearings' }).click(),
  ]);
  const csvBytes = readFileSync(await csvDownload.path());
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = parseCsv(csvBytes.toString('utf8'));
  expect(csv[0]?.slice(0, 3)).toEqual(['Record id', 'Date', 'Region']);
  const kochkor = csv.find((row) => row.includes('Айыл өкмөтү, чоң зал'));
  expect(kochkor).toContain("'=1+2");
  expect(kochkor).toContain('Kochkor-Ata');
  expect(csv).toHaveLength(4);
  expect(csvBytes.toString('utf8').startsWith(BOM)).toBe(true);

  const [xlsxDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the workbook' }).click(),
  ]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const files = unzipSync(new Uint8Array(readFileSync(await xlsxDownload.path())));
  const workbook = strFromU8(files['xl/workbook.xml'] as Uint8Array);
  expect(workbook).toContain('name="Hearings"');
  expect(workbook).toContain('name="Programme stages"');
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array);
  expect(sheet).toContain('Айыл өкмөтү, чоң зал');
  expect(sheet).toContain("'=1+2");
  expect(sheet).not.toContain('<f>');

  // The presentation: one figure a slide, charts drawn.
  await page.goto(`/dashboard/presentation${PERIOD}`);
  await expect(
    page.getByRole('heading', { level: 1, name: /main results and lessons learned/ }),
  ).toBeVisible();
  await expect(page.getByRole('figure')).toHaveCount(4);
  await expect(page.locator('.bar-chart[data-state="ready"]')).toHaveCount(4);
  // Printed: the title and lessons, and a page for each of the four figures.
  expect(pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }))).toBe(6);
});

test('the lessons-learned report is written, checked against three A4 pages, and printed', async ({
  page,
}) => {
  await openDashboard(page, 'admin', `/dashboard/report${PERIOD}`);
  await page.getByLabel('Title').fill('Lessons learned, 2019');
  await page.getByLabel('Language of the report').selectOption({ label: 'English' });
  await page.getByRole('button', { name: 'Start the report' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Lessons learned, 2019' }),
  ).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill('2019-01-01');
  await page.getByLabel('To', { exact: true }).fill('2019-12-31');
  await page
    .getByLabel('Lessons learned', { exact: true })
    .fill(
      'Hearings held after the harvest drew twice as many women.\n\nYouth came when invited through schools.',
    );
  await page.getByLabel('Final: ready to submit').check();
  await page.getByRole('button', { name: 'Save the report' }).click();
  await expect(page.getByText('Saved; it reaches the server with the next sync.')).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: /^Fits on 1 A4 page of the 3 allowed\.$/ }),
  ).toBeVisible();

  // The work plan now counts the final report.
  await page.goto(`/dashboard${PERIOD}`);
  await expect(
    page
      .getByRole('listitem')
      .filter({ hasText: 'Report submitted' })
      .getByRole('link', { name: '1 of 1' }),
  ).toBeVisible();

  await page.goto(`/dashboard/report${PERIOD}`);
  await page.getByRole('link', { name: 'Lessons learned, 2019' }).click();
  await page.getByRole('link', { name: 'Print view (A4)' }).click();
  const sheet = page.getByRole('article', { name: 'Lessons learned, 2019' });
  await expect(sheet.getByRole('heading', { name: 'Key figures' })).toBeVisible();
  await expect(sheet.getByText('80: 39 women, 41 men (women 49%)')).toBeVisible();
  await expect(page.getByText('Fits on 1 A4 page of the 3 allowed.')).toBeVisible();
  expect(pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }))).toBe(1);

  // Far too long: the check warns, and the printed report is indeed longer than three pages.
  await page.getByRole('link', { name: '← Back to editing' }).click();
  const paragraph =
    'Consultants found that the working groups met mostly in the evenings, when women with small children could not come; moving meetings to the afternoon and offering a room for children raised attendance. ';
  await page
    .getByLabel('Challenges', { exact: true })
    .fill(Array.from({ length: 90 }, () => paragraph).join('\n\n'));
  await expect(
    page.getByRole('alert').filter({ hasText: /^Too long: about \d+ A4 pages/ }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Save the report' }).click();
  await expect(page.getByText('Saved; it reaches the server with the next sync.')).toBeVisible();
  await page.getByRole('link', { name: 'Print view (A4)' }).click();
  const warning = page.getByRole('alert').filter({ hasText: /^Too long: about (\d+) A4 pages/ });
  await expect(warning).toBeVisible();
  const estimated = Number(/about (\d+)/.exec((await warning.textContent()) ?? '')?.[1]);
  const printed = pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  expect(printed).toBeGreaterThan(3);
  expect(Math.abs(printed - estimated)).toBeLessThanOrEqual(1);
});

test('a consultant sees only the figures of their district, offline too', async ({
  page,
  context,
}) => {
  await openDashboard(page, 'ainura');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText('You see the figures of your district only.')).toBeAttached();
  const gender = page.getByRole('region', { name: 'Gender and inclusion' });
  await expect(gender.locator('dl').first().locator('> div').nth(1)).toHaveText(
    /^Women's share\s*50%\s*20 women, 20 men$/,
  );
  const plan = page.getByRole('region', { name: 'Work plan' });
  await expect(
    plan
      .getByRole('listitem')
      .filter({ hasText: 'Draft SEDPs of 24' })
      .getByRole('link', { name: /^0 of \d+$/ }),
  ).toBeVisible();
});
