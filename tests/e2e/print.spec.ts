import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';
import { pdfPageTexts } from './pdf-text.ts';
import { type DocumentIds, pushDocumentRecords, waitForPull } from './seed-records.ts';

/** CSS pixels in a millimetre: 96 to the inch, as Chromium prints. */
const MM = 96 / 25.4;
/** The printable width of each kind of page: A4 less the `@page` margins. */
const PRINTABLE = {
  portrait: (210 - 2 * 15) * MM,
  landscape: (297 - 2 * 15) * MM,
  slide: (297 - 2 * 12) * MM,
} as const;

const pdfPages = (pdf: Buffer) =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

let ids: DocumentIds;

test.beforeAll(async ({ request }) => {
  ids = await pushDocumentRecords(request);
});

/**
 * Lays the page out as it prints: print media at the width of the paper's printable area.
 * Nothing may reach past that width (it would be cut off on paper), the document must not
 * scroll sideways, and the break rules keep headings and table headers with what follows.
 */
async function expectFitsPaper(page: Page, width: number) {
  const overflow = await page.evaluate((limit) => {
    const cut: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > limit + 0.5) {
        const name = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
        cut.push(`${name} "${(el.textContent ?? '').slice(0, 40)}" right=${box.right.toFixed(1)}`);
      }
    }
    return { cut, scrollWidth: document.documentElement.scrollWidth };
  }, width);
  expect(overflow.cut).toEqual([]);
  expect(overflow.scrollWidth).toBeLessThanOrEqual(Math.ceil(width));

  const rules = await page.evaluate(() => {
    const style = (selector: string, property: string) =>
      [...document.querySelectorAll(selector)].map((el) =>
        getComputedStyle(el).getPropertyValue(property),
      );
    return {
      headings: style(
        'article h1, article h2, article h3, main h1, main h2, main h3',
        'break-after',
      ),
      captions: style('caption', 'break-after'),
      theads: style('thead', 'break-after'),
      theadDisplay: style('thead', 'display'),
      rows: style('tbody tr', 'break-inside'),
    };
  });
  for (const value of [...rules.headings, ...rules.captions, ...rules.theads]) {
    expect.soft(value).toBe('avoid');
  }
  for (const value of rules.theadDisplay) expect.soft(value).toBe('table-header-group');
  for (const value of rules.rows) expect.soft(value).toBe('avoid');
}

/**
 * Prints the page as Chromium would, keeps the PDF with the test's results, and reads the
 * text of each page: no page but the last may end with a heading, a table's caption or its
 * header row (all spaces ignored, so line wrapping does not matter). Returns the pages.
 */
async function printedPages(page: Page, name: string) {
  const pdf = await page.pdf({ preferCSSPageSize: true });
  await test.info().attach(`${name}.pdf`, { body: pdf, contentType: 'application/pdf' });
  // SEDP_PDF_DIR=/some/dir keeps the PDFs to look at.
  if (process.env.SEDP_PDF_DIR)
    writeFileSync(path.join(process.env.SEDP_PDF_DIR, `${name}.pdf`), pdf);
  const squash = (text: string) => text.replace(/\s+/g, '');
  const keepWithNext = (
    await page.evaluate(() =>
      [...document.querySelectorAll('h1, h2, h3, caption, thead')]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) =>
          el.tagName === 'THEAD'
            ? [...el.querySelectorAll('th')].map((th) => th.textContent ?? '').join('')
            : (el.textContent ?? ''),
        ),
    )
  )
    .map(squash)
    .filter(Boolean);
  const pages = pdfPageTexts(pdf).map(squash);
  expect(pages.length).toBe(pdfPages(pdf));
  for (const [index, text] of pages.slice(0, -1).entries()) {
    const orphan = keepWithNext.find((heading) => text.endsWith(heading));
    expect
      .soft(orphan, `${name}: page ${index + 1} ends with a heading or table header`)
      .toBe(undefined);
  }
  return pages.length;
}

async function printAt(page: Page, width: number) {
  await page.setViewportSize({ width: Math.floor(width), height: 900 });
  await page.emulateMedia({ media: 'print' });
}

test('every printed document fits the printable width of its page', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'admin');
  await waitForPull(page);

  // The hearing minutes: A4 portrait.
  await printAt(page, PRINTABLE.portrait);
  await page.goto(`/hearings/${ids.hearing}/print`);
  await expect(page.getByRole('heading', { level: 1, name: /MINUTES/i })).toBeVisible();
  await expectFitsPaper(page, PRINTABLE.portrait);
  expect(await printedPages(page, 'minutes')).toBeGreaterThanOrEqual(1);

  // The blank sign-in sheet and the filled roster: A4 landscape, five days on one width,
  // the name column wide enough to write a name by hand.
  await printAt(page, PRINTABLE.landscape);
  for (const sheet of ['blank', 'filled']) {
    await page.goto(`/trainings/${ids.training}/print?sheet=${sheet}&language=ru`);
    const table = page.locator('table.training-sheet');
    await expect(table).toHaveCount(1);
    await expect(table.getByRole('columnheader', { name: /^Подпись/ })).toHaveCount(5);
    await expectFitsPaper(page, PRINTABLE.landscape);
    const name = await table.getByRole('columnheader', { name: 'ФИО' }).boundingBox();
    expect(name?.width).toBeGreaterThanOrEqual(50 * MM);
    // Twenty-five blank lines or thirty people do not fit one landscape page: the sheet
    // goes on, its header row repeated, over the next.
    expect(await printedPages(page, `sheet-${sheet}`)).toBeGreaterThanOrEqual(2);
  }

  // The checklist report: A4 portrait.
  await printAt(page, PRINTABLE.portrait);
  await page.goto(`/checklists/${ids.evaluation}/print?language=ru`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('table.document__table')).toHaveCount(4);
  await expectFitsPaper(page, PRINTABLE.portrait);
  expect(await printedPages(page, 'checklist-report')).toBeGreaterThanOrEqual(2);

  // The lessons-learned report: A4 portrait.
  await page.goto(`/dashboard/report/${ids.report}/print`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Lessons learned, 2020' }),
  ).toBeVisible();
  await expect(page.getByText(/Fits on \d A4 page/)).toBeAttached();
  await expectFitsPaper(page, PRINTABLE.portrait);
  expect(await printedPages(page, 'lessons-report')).toBe(1);

  // The presentation: a landscape slide a page.
  await printAt(page, PRINTABLE.slide);
  await page.goto('/dashboard/presentation?from=2020-01-01&to=2020-12-31');
  await expect(page.locator('.bar-chart[data-state="ready"]')).toHaveCount(4);
  await expectFitsPaper(page, PRINTABLE.slide);
  expect(await printedPages(page, 'presentation')).toBeGreaterThanOrEqual(5);
});

test('a training over more than five days prints its signature columns five to a page', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await waitForPull(page);
  await printAt(page, PRINTABLE.landscape);
  await page.goto(`/trainings/${ids.training}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Seven days: a first sheet with five signature columns, a second with two.
  await page.getByLabel('Last day').fill('2020-03-08');
  await expect(page.getByText('7 days')).toBeVisible();
  // Leave only once the change is written: a page left mid-write loses it.
  await expect(page.getByText('Saved on this phone')).toBeVisible();
  await page.goto(`/trainings/${ids.training}/print?sheet=blank&language=en`);
  const tables = page.locator('table.training-sheet');
  await expect(tables).toHaveCount(2);
  await expect(tables.nth(0).getByRole('columnheader', { name: /^Signature/ })).toHaveCount(5);
  await expect(tables.nth(1).getByRole('columnheader', { name: /^Signature/ })).toHaveCount(2);
  await expect(tables.nth(1).getByRole('columnheader', { name: 'Full name' })).toBeVisible();
  await expectFitsPaper(page, PRINTABLE.landscape);
  // Blank lines over two pages for each of the two parts.
  expect(await printedPages(page, 'sheet-seven-days')).toBeGreaterThanOrEqual(4);
});
