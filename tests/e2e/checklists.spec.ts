import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CHECKLIST_TEMPLATE_SEED } from '../../server/seed/checklist-seed.ts';
import {
  expect,
  midWordBreaks,
  serverRecords,
  sidewaysScrolls,
  signIn,
  test,
  waitForServiceWorker,
} from './fixtures.ts';
import { E2E_PASSWORD } from './global-setup.ts';

const PHOTO = readFileSync(path.resolve(import.meta.dirname, '../../public/icons/icon-192.png'));
const V1 = CHECKLIST_TEMPLATE_SEED[0]?.id;

type Choice = 'Yes (1)' | 'Partly (0.5)' | 'No (0)' | 'Not applicable';

/** The criteria of the starting template, by the start of their English text. */
const CRITERIA = {
  workingGroup: /Working group includes women/,
  consultations: /Separate consultations/,
  attendance: /Public hearing attendance/,
  proposals: /Proposals from women/,
  venues: /Venues and materials/,
  profiles: /Sectoral profiles use/,
  problems: /Problems specific to women/,
  women: /budgeted measure targets women/,
  youth: /Measures for youth/,
  indicators: /Indicators are disaggregated/,
  stages: /All methodology stages/,
  budget: /Action plan linked/,
  responsible: /Responsible bodies/,
  monitoring: /Monitoring and reporting/,
  standard: /Standard indicator set/,
  sources: /Data sources and years/,
  population: /Population data/,
  emptyProfile: /No empty sectoral profile/,
} as const;
type Key = keyof typeof CRITERIA;

const criterion = (page: Page, key: Key) => page.getByRole('group', { name: CRITERIA[key] });

/** The English title of the dimension a criterion belongs to, from the starting template. */
const dimensionOf = (key: Key) =>
  CHECKLIST_TEMPLATE_SEED[0]?.dimensions.find((d) =>
    d.criteria.some((c) => CRITERIA[key].test(c.text.en)),
  )?.title.en ?? '';

/** One dimension is on screen at a time: its button in the bar shows it. */
async function showDimension(page: Page, key: Key) {
  await page
    .getByRole('navigation', { name: 'Dimensions of the checklist' })
    .getByRole('button', { name: new RegExp(`^${dimensionOf(key)} `) })
    .click();
  await expect(criterion(page, key)).toBeVisible();
}

async function answer(page: Page, scores: Partial<Record<Key, Choice>>) {
  for (const [key, choice] of Object.entries(scores) as [Key, Choice][]) {
    await showDimension(page, key);
    await criterion(page, key).getByLabel(choice, { exact: true }).check();
  }
}

async function startEvaluation(page: Page, draftLabel: string) {
  await expect(page.getByRole('heading', { name: 'New evaluation' })).toBeVisible();
  // Aida works in one district, so the picker starts there.
  await expect(page.getByLabel('District', { exact: true })).toHaveValue(/.+/);
  await page.getByLabel('Municipality').selectOption({ label: 'Shamaldy-Say' });
  await page.getByLabel('Draft (version or date)').fill(draftLabel);
  await page.getByRole('button', { name: 'Start scoring' }).click();
  await expect(page.getByRole('heading', { name: 'Shamaldy-Say', level: 1 })).toBeVisible();
  await expect(page.getByText('0 of 18 criteria answered')).toBeVisible();
}

const scoreOf = (page: Page, dimension: string) =>
  page
    .getByRole('list', { name: 'Scores by dimension' })
    .getByRole('listitem')
    .filter({ hasText: dimension });

test('a draft is evaluated offline in English, compared with its revision, and keeps its template version', async ({
  page,
  context,
  browser,
  baseURL,
  request,
}) => {
  const run = Date.now().toString(36);
  const first = `First draft ${run}`;
  const revised = `Revised draft ${run}`;
  await signIn(page, 'aida', 'en');
  await waitForServiceWorker(page);
  await page.goto('/sync');
  await expect(page.getByText(/^Last successful sync: /)).toBeVisible();

  // Offline from here: the template came with the first sync.
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Checklists' }).first().click();
  await page.getByRole('link', { name: 'New evaluation' }).click();
  await page.getByRole('button', { name: 'Start scoring' }).click();
  await expect(page.getByRole('alert')).toContainText('Name the draft (its version or date).');
  await expect(page.getByLabel('Evaluator')).toHaveValue('Аида Осмонова');
  await startEvaluation(page, first);

  await answer(page, {
    workingGroup: 'Yes (1)',
    consultations: 'No (0)',
    attendance: 'Yes (1)',
    proposals: 'Partly (0.5)',
    venues: 'Yes (1)',
    profiles: 'No (0)',
    problems: 'Partly (0.5)',
    women: 'Partly (0.5)',
    youth: 'Not applicable',
    indicators: 'No (0)',
  });
  // Comment and evidence stay folded until asked for; the cursor goes into the field opened.
  await showDimension(page, 'consultations');
  await criterion(page, 'consultations')
    .getByRole('button', { name: 'Comment', exact: true })
    .click();
  await expect(criterion(page, 'consultations').getByLabel('Comment')).toBeFocused();
  await page.keyboard.type('No meeting with youth', { delay: 20 });
  await showDimension(page, 'workingGroup');
  await criterion(page, 'workingGroup')
    .getByRole('button', { name: 'Evidence', exact: true })
    .click();
  await criterion(page, 'workingGroup')
    .getByLabel('Evidence (document, page)')
    .fill('Order No. 12 of 3 June');
  await criterion(page, 'workingGroup')
    .getByLabel('Photo', { exact: true })
    .setInputFiles({ name: 'order.png', mimeType: 'image/png', buffer: PHOTO });
  await expect(
    criterion(page, 'workingGroup').getByRole('img', { name: 'Evidence for criterion 1.1' }),
  ).toBeVisible();
  await expect(page.getByText('10 of 18 criteria answered')).toBeVisible();
  await expect(page.getByText('Saved on this phone')).toBeVisible();

  // Reload in the middle: every answer is already on the phone.
  await page.reload();
  await expect(page.getByText('10 of 18 criteria answered')).toBeVisible();
  await expect(page.getByText('Score so far: ')).toBeVisible();
  await showDimension(page, 'proposals');
  await expect(criterion(page, 'proposals').getByLabel('Partly (0.5)')).toBeChecked();
  await expect(criterion(page, 'consultations').getByLabel('Comment')).toHaveValue(
    'No meeting with youth',
  );
  await expect(criterion(page, 'workingGroup').getByLabel('Evidence (document, page)')).toHaveValue(
    'Order No. 12 of 3 June',
  );
  // A criterion without a comment keeps it folded.
  await expect(criterion(page, 'proposals').getByLabel('Comment')).toHaveCount(0);
  await showDimension(page, 'youth');
  await expect(criterion(page, 'youth').getByLabel('Not applicable')).toBeChecked();
  await showDimension(page, 'workingGroup');
  await expect(
    criterion(page, 'workingGroup').getByRole('img', { name: 'Evidence for criterion 1.1' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Finish the evaluation' }).click();
  await expect(page.getByRole('alert')).toContainText('8 criteria have no answer yet:');
  await answer(page, {
    stages: 'Yes (1)',
    budget: 'Yes (1)',
    responsible: 'Yes (1)',
    monitoring: 'No (0)',
    standard: 'Partly (0.5)',
    sources: 'Partly (0.5)',
    population: 'No (0)',
    emptyProfile: 'Yes (1)',
  });
  await expect(page.getByText('18 of 18 criteria answered')).toBeVisible();
  await page.getByRole('button', { name: 'Finish the evaluation' }).click();

  // The scores: weighted share of applicable criteria ("not applicable" left out).
  await expect(scoreOf(page, 'Inclusivity')).toContainText('70%');
  await expect(scoreOf(page, 'Gender equity')).toContainText('25%');
  await expect(scoreOf(page, 'Methodology compliance')).toContainText('75%');
  await expect(scoreOf(page, 'Data completeness')).toContainText('50%');
  await expect(scoreOf(page, 'Overall')).toContainText('56%');
  await expect(scoreOf(page, 'Gender equity')).toContainText('4 of 5 criteria scored');
  const recommendations = page.getByRole('region', { name: 'Recommendations (5)' });
  await expect(recommendations.getByRole('listitem')).toHaveCount(5);
  await expect(recommendations).toContainText('No meeting with youth');
  const firstUrl = page.url();
  const firstId = firstUrl.split('/').at(-1);

  // The report prints in any of the three languages, offline too.
  await page.getByRole('link', { name: 'Print the report' }).click();
  const report = page.getByRole('article', {
    name: 'Evaluation of the draft socio-economic development programme',
  });
  await expect(report.getByRole('row', { name: `Draft (version or date) ${first}` })).toBeVisible();
  await expect(report.getByText('Monitoring and reporting arrangements defined.')).toHaveCount(2);
  await page.getByLabel('Language of the report').selectOption('ky');
  await expect(
    page.getByRole('article', {
      name: 'Социалдык-экономикалык өнүгүү программасынын долбоорун баалоо',
    }),
  ).toContainText('Инклюзивдүүлүк');
  await page.getByRole('link', { name: '← Back to the evaluation' }).click();

  // The revised draft, scored again.
  await page.getByRole('link', { name: 'Evaluate a revised draft' }).click();
  await startEvaluation(page, revised);
  await answer(page, {
    workingGroup: 'Yes (1)',
    consultations: 'Yes (1)',
    attendance: 'Yes (1)',
    proposals: 'Yes (1)',
    venues: 'Not applicable',
    profiles: 'Yes (1)',
    problems: 'Yes (1)',
    women: 'Yes (1)',
    youth: 'Yes (1)',
    indicators: 'Partly (0.5)',
    stages: 'Yes (1)',
    budget: 'Yes (1)',
    responsible: 'Yes (1)',
    monitoring: 'Yes (1)',
    standard: 'Yes (1)',
    sources: 'Yes (1)',
    population: 'No (0)',
    emptyProfile: 'Yes (1)',
  });
  await page.getByRole('button', { name: 'Finish the evaluation' }).click();
  await expect(scoreOf(page, 'Inclusivity')).toContainText('100%');
  await expect(scoreOf(page, 'Gender equity')).toContainText('90%');

  await page.getByRole('link', { name: 'Compare with another draft' }).click();
  await expect(page.getByLabel('Earlier evaluation')).toHaveValue(firstId ?? '');
  await expect(page.getByRole('row', { name: 'Inclusivity 70% 100% +30 pts' })).toBeVisible();
  await expect(page.getByRole('row', { name: 'Gender equity 25% 90% +65 pts' })).toBeVisible();
  await expect(page.getByRole('row', { name: 'Data completeness 50% 75% +25 pts' })).toBeVisible();
  await expect(page.getByText('Improved: 9')).toBeVisible();
  await expect(page.getByText('Unchanged: 7')).toBeVisible();
  await expect(page.getByText('Newly answered: 1')).toBeVisible();
  await expect(page.getByText('Now not applicable: 1')).toBeVisible();
  const consultations = page.getByRole('listitem').filter({ hasText: CRITERIA.consultations });
  await expect(consultations).toContainText(/No \(0\).*Yes \(1\)/);
  await expect(consultations).toContainText('Improved');

  // On a 360 px phone the comparison fits in all three languages: no word splits without a
  // hyphen, and the table does not scroll sideways ("Өзгөрүү" is on the screen).
  expect(await sidewaysScrolls(page, 'main')).toEqual([]);
  const rightEdge = async (target: import('@playwright/test').Locator) => {
    const box = await target.boundingBox();
    return box ? box.x + box.width : Number.POSITIVE_INFINITY;
  };
  const language = page.getByRole('banner').getByRole('combobox');
  await language.selectOption('ky');
  await expect(page.getByRole('columnheader', { name: 'Өзгөрүү' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Багыт' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Инклюзивдүүлүк .*\+30 п\. п\.$/ })).toBeVisible();
  expect(await midWordBreaks(page, 'main')).toEqual([]);
  expect(await sidewaysScrolls(page, 'main')).toEqual([]);
  expect(await rightEdge(page.getByRole('columnheader', { name: 'Өзгөрүү' }))).toBeLessThanOrEqual(
    360,
  );
  await language.selectOption('ru');
  await expect(page.getByRole('columnheader', { name: 'Направление' })).toBeVisible();
  expect(await midWordBreaks(page, 'main')).toEqual([]);
  expect(await sidewaysScrolls(page, 'main')).toEqual([]);
  expect(
    await rightEdge(page.getByRole('columnheader', { name: 'Изменение' })),
  ).toBeLessThanOrEqual(360);
  await language.selectOption('en');
  await expect(page.getByRole('columnheader', { name: 'Dimension' })).toBeVisible();
  expect(await sidewaysScrolls(page, 'main')).toEqual([]);

  // Both evaluations in the list and in the sortable table of programmes.
  await page.getByRole('link', { name: '← All evaluations' }).click();
  const table = page.getByRole('table', {
    name: 'Evaluated programmes with their scores by dimension',
  });
  await expect(table.getByRole('row', { name: /^Shamaldy-Say/ })).toContainText('100%');
  await table.getByRole('button', { name: 'Gender equity' }).click();
  await expect(table.getByRole('columnheader', { name: 'Gender equity' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );

  // Online again: both evaluations and the photo reach the server.
  await context.setOffline(false);
  await page.goto('/sync');
  await expect(page.getByTestId('pending-count')).toHaveText('Nothing waiting to be sent');
  const evaluations = (await serverRecords(request)).filter((r) => r.type === 'evaluation');
  const onServer = (label: string) => evaluations.find((r) => r.body.draftLabel === label);
  expect(onServer(first)).toMatchObject({
    id: firstId,
    updatedBy: 'aida',
    body: { status: 'final', templateId: V1, evaluator: 'Аида Осмонова' },
  });
  expect(onServer(revised)?.body).toMatchObject({ status: 'final', templateId: V1 });
  const answers = onServer(first)?.body.answers as Record<string, { photo?: string }>;
  const photo = answers['working-group-composition']?.photo;
  const login = await request.post('/api/auth/login', {
    data: { username: 'admin', password: E2E_PASSWORD },
  });
  const { token } = (await login.json()) as { token: string };
  const blob = await request.get(`/api/blobs/${photo}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(blob.status()).toBe(200);

  // An admin publishes version 2 of the template, in the app.
  const office = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const desk = await office.newPage();
  await signIn(desk, 'admin', 'en');
  await desk.goto('/checklists/template');
  await desk.getByRole('button', { name: 'Edit and publish a new version' }).click();
  const inclusivity = desk.getByRole('region', { name: 'Inclusivity' });
  // Each criterion opens to its fields.
  await inclusivity.locator('summary', { hasText: CRITERIA.workingGroup }).click();
  await inclusivity
    .getByLabel('1.1 text, English')
    .fill('The working group includes women, youth and representatives of vulnerable groups.');
  await inclusivity.getByRole('button', { name: 'Add a criterion to “Inclusivity”' }).click();
  await inclusivity.getByLabel('1.6 text, English').fill('The youth council was consulted.');
  await desk.getByRole('button', { name: 'Publish version 2' }).click();
  await expect(desk.getByRole('alert')).toContainText(
    'Criterion 1.6: give the text in all three languages.',
  );
  await inclusivity
    .getByLabel('1.6 text, Русский')
    .fill('Проведена консультация с молодежным советом.');
  await inclusivity
    .getByLabel('1.6 text, Кыргызча')
    .fill('Жаштар кеңеши менен консультация өткөрүлдү.');
  await desk.getByRole('button', { name: 'Publish version 2' }).click();
  await expect(desk.getByText(/^Version 2 is published\./)).toBeVisible();
  await desk.goto('/sync');
  await expect(desk.getByTestId('pending-count')).toHaveText('Nothing waiting to be sent');

  const after = await serverRecords(request);
  const versions = after.filter((r) => r.type === 'checklist-template');
  expect(versions.map((v) => v.body.version).sort()).toEqual([1, 2]);
  expect(versions.find((v) => v.id === V1)?.body).toEqual(
    Object.fromEntries(
      Object.entries(CHECKLIST_TEMPLATE_SEED[0] ?? {}).filter(([k]) => k !== 'id'),
    ),
  );
  const v2 = versions.find((v) => v.body.version === 2);
  const v2dimensions = (v2?.body.dimensions ?? []) as { criteria: { code: string }[] }[];
  expect(v2dimensions[0]?.criteria.map((c) => c.code)).toContain('the-youth-council-was-consulted');
  // The finished evaluations still name version 1.
  for (const label of [first, revised]) {
    expect(
      after.find((r) => r.type === 'evaluation' && r.body.draftLabel === label)?.body,
    ).toMatchObject({ templateId: V1 });
  }

  // Everyone sees the same scores, read with version 1; a new evaluation takes version 2.
  await desk.goto(`/checklists/${firstId}`);
  await expect(desk.getByText(/version 1 of/)).toBeVisible();
  await expect(scoreOf(desk, 'Inclusivity')).toContainText('70%');
  await expect(scoreOf(desk, 'Overall')).toContainText('56%');
  await expect(
    desk.getByText("Working group includes women, youth and vulnerable groups' representatives."),
  ).toBeVisible();
  await desk.goto('/checklists/new');
  await expect(desk.getByText(/version 2 of/)).toBeVisible();
  await office.close();

  await page.goto('/sync');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.goto(firstUrl);
  await expect(scoreOf(page, 'Inclusivity')).toContainText('70%');
  await expect(page.getByText(/version 1 of/)).toBeVisible();
});

test('scoring shows one dimension at a time, criteria folded to their choices, progress and score in sight', async ({
  page,
}) => {
  await signIn(page, 'aida', 'en');
  // The territories and the template come with the first sync (on a busy machine it takes
  // longer than an assertion waits; until then the pickers have nothing to offer).
  await page.goto('/sync');
  await expect(page.getByText(/^Last successful sync: /)).toBeVisible({ timeout: 30_000 });
  await page.goto('/checklists/new');
  await expect(page.getByLabel('District', { exact: true })).toHaveValue(/.+/);
  await page.getByLabel('Municipality').selectOption({ label: 'Shamaldy-Say' });
  await page.getByLabel('Draft (version or date)').fill(`Folded ${Date.now().toString(36)}`);
  await page.getByRole('button', { name: 'Start scoring' }).click();
  // The template may have grown a criterion (another journey publishes a version).
  await expect(page.getByText(/^0 of 1[89] criteria answered$/)).toBeVisible();

  const dimensions = page.getByRole('navigation', { name: 'Dimensions of the checklist' });
  await expect(dimensions.getByRole('button')).toHaveCount(4);
  await expect(dimensions.getByRole('button', { pressed: true })).toHaveText(/^Inclusivity /);
  await expect(page.getByRole('group', { name: CRITERIA.profiles })).toHaveCount(0);
  // A criterion not yet used is its text and choices, with one button each for the rest.
  // (Criterion 1.1 is reworded by the template journey: 1.2 is the same in every version.)
  const first = criterion(page, 'consultations');
  await expect(first.getByRole('textbox')).toHaveCount(0);
  const height = (await first.boundingBox())?.height ?? Number.POSITIVE_INFINITY;
  expect(height).toBeLessThan(740 / 2);

  await answer(page, { consultations: 'Yes (1)', attendance: 'No (0)' });
  await expect(page.getByText('Score so far: 50%')).toBeVisible();
  await expect(dimensions.getByRole('button', { pressed: true })).toHaveText(
    /^Inclusivity 2\/[56]/,
  );
  // Further down the dimension, progress and score are still on screen.
  await criterion(page, 'venues').getByLabel('Yes (1)', { exact: true }).check();
  const score = await page.getByText(/^Score so far: /).boundingBox();
  expect(score && score.y >= 0 && score.y + score.height <= 740).toBe(true);
  const screens = await page.evaluate(() => document.documentElement.scrollHeight / 740);
  expect(screens).toBeLessThan(5);

  // The next dimension, from the end of this one.
  await page.getByRole('button', { name: 'Next: Gender equity' }).click();
  await expect(criterion(page, 'profiles')).toBeVisible();
  await expect(criterion(page, 'consultations')).toHaveCount(0);

  // Finish lists the criteria without an answer; each opens its dimension.
  await page.getByRole('button', { name: 'Finish the evaluation' }).click();
  await expect(page.getByRole('alert')).toContainText(/1[56] criteria have no answer yet:/);
  await page.getByRole('alert').getByRole('link', { name: '1.4', exact: true }).click();
  await expect(criterion(page, 'proposals').getByRole('radio').first()).toBeFocused();
  await page.getByRole('alert').getByRole('link', { name: '3.1', exact: true }).click();
  await expect(criterion(page, 'stages').getByRole('radio').first()).toBeFocused();
});
