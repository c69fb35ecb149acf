import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, serverRecords, signIn, test, waitForServiceWorker } from './fixtures.ts';

const PHOTO = readFileSync(path.resolve(import.meta.dirname, '../../public/icons/icon-192.png'));

test('programme stages are recorded offline with a resolution scan, and reach colleagues', async ({
  page,
  context,
  browser,
  baseURL,
  request,
}) => {
  await signIn(page, 'aida');
  await waitForServiceWorker(page);
  await page.goto('/sync');
  await expect(page.getByText(/^Last successful sync: /)).toBeVisible();

  await context.setOffline(true);
  await page.goto('/municipalities');
  await page.getByLabel('Search by name').fill('Shamaldy');
  await page.getByRole('link', { name: /^Shamaldy-Say/ }).click();
  const stages = page.getByRole('region', { name: 'Programme stages' });
  // Other journeys on this shared server may have recorded stages here already.
  await expect(stages.getByRole('button', { name: 'Record a stage' })).toBeVisible();

  await stages.getByRole('button', { name: 'Record a stage' }).click();
  await stages.getByLabel('Order number').fill('17-р');
  await stages.getByLabel('Women in the group', { exact: true }).fill('4');
  await stages.getByLabel('Men in the group', { exact: true }).fill('-3');
  await stages.getByRole('button', { name: 'Save stage' }).click();
  await expect(stages.getByRole('alert')).toContainText('Enter the date.');
  await expect(stages.getByRole('alert')).toContainText('Enter a whole number, 0 or more.');
  await stages.getByLabel('Date', { exact: true }).fill('2025-02-10');
  await stages.getByLabel('Men in the group', { exact: true }).fill('3');
  await stages.getByRole('button', { name: 'Save stage' }).click();
  await expect(stages.getByText('Members: 4 women, 3 men')).toBeVisible();

  await stages.getByRole('button', { name: 'Record a stage' }).click();
  await stages
    .getByLabel('Stage', { exact: true })
    .selectOption({ label: 'Approved by the local council' });
  await stages.getByLabel('Date', { exact: true }).fill('2025-06-20');
  await stages.getByLabel('Council resolution number').fill('5/12');
  await stages.getByLabel('Photo or scan of the resolution').setInputFiles({
    name: 'resolution.png',
    mimeType: 'image/png',
    buffer: PHOTO,
  });
  await stages.getByRole('button', { name: 'Save stage' }).click();
  await expect(stages.getByText('Current stage: Approved by the local council')).toBeVisible();
  await expect(stages.getByText('Resolution No. 5/12')).toBeVisible();
  await stages.getByRole('button', { name: 'View the resolution' }).click();
  await expect(stages.getByRole('img', { name: 'Photo or scan of the resolution' })).toBeVisible();

  await context.setOffline(false);
  await page.goto('/sync');
  await expect(page.getByTestId('pending-count')).toHaveText('Nothing waiting to be sent');
  const onServer = (await serverRecords(request)).filter((r) => r.type === 'milestone');
  const approval = onServer.find(
    (r) => r.body.kind === 'approved' && r.body.resolutionNumber === '5/12',
  );
  expect(approval?.body).toMatchObject({ resolutionNumber: '5/12', date: '2025-06-20' });
  const sha = String(approval?.body.attachment);
  const login = await request.post('/api/auth/login', {
    data: { username: 'admin', password: 'field-test-2026' },
  });
  const { token } = (await login.json()) as { token: string };
  const blob = await request.get(`/api/blobs/${sha}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(blob.status()).toBe(200);
  expect(Buffer.from(await blob.body()).equals(PHOTO)).toBe(true);

  // A colleague of the district sees the stages and opens the scan, fetched from the server.
  const other = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
  const colleague = await other.newPage();
  await signIn(colleague, 'bakyt', 'ky');
  await colleague.goto('/sync');
  await expect(colleague.getByText(/^Акыркы ийгиликтүү синхрондоштуруу: /)).toBeVisible();
  await colleague.goto('/municipalities');
  await colleague.getByLabel('Аталышы боюнча издөө').fill('Шамалды');
  await colleague.getByRole('link', { name: /^Шамалды-Сай/ }).click();
  const theirs = colleague.getByRole('region', { name: 'Программанын этаптары' });
  await expect(theirs.getByText('Учурдагы этап: Жергиликтүү кеңеш бекитти')).toBeVisible();
  await expect(theirs.getByText('№ 5/12 токтом')).toBeVisible();
  await expect(theirs.getByText('2025\u2011ж., 20\u2011июнь')).toBeVisible();
  await theirs.getByRole('button', { name: 'Токтомду ачуу' }).click();
  await expect(theirs.getByRole('img', { name: 'Токтомдун сүрөтү же скани' })).toBeVisible();
  await other.close();
});
