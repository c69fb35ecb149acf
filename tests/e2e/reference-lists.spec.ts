import type { APIRequestContext } from '@playwright/test';
import { expect, expectPhoneFriendly, signIn, test, waitForServiceWorker } from './fixtures.ts';
import { E2E_PASSWORD } from './global-setup.ts';

interface ServerItem {
  id: string;
  type: string;
  updatedBy: string;
  body: {
    list: string;
    code: string;
    names: { ru: string; ky: string; en: string };
    order: number;
    retired?: boolean;
  };
}

/** Every reference item the server holds, page by page (as an admin would pull them). */
async function serverItems(request: APIRequestContext): Promise<ServerItem[]> {
  const login = await request.post('/api/auth/login', {
    data: { username: 'admin', password: E2E_PASSWORD },
  });
  const { token } = (await login.json()) as { token: string };
  const items: ServerItem[] = [];
  let since = 0;
  for (;;) {
    const pull = await request.get(`/api/sync/pull?since=${since}&limit=500`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await pull.json()) as { changes: ServerItem[]; cursor: number; hasMore: boolean };
    items.push(...page.changes.filter((c) => c.type === 'reference-item'));
    if (!page.hasMore) return items;
    since = page.cursor;
  }
}

test('an admin adds, renames, orders and retires training modules offline; the server gets them', async ({
  page,
  context,
  request,
}) => {
  await signIn(page, 'admin');
  await waitForServiceWorker(page);
  await page.goto('/sync');
  await expect(page.getByText(/^Last successful sync: /)).toBeVisible();
  await page.goto('/settings');
  await page.getByRole('link', { name: 'Edit the lists' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reference lists' })).toBeVisible();
  await page.getByRole('radio', { name: 'SEDP methodology modules' }).check();
  const list = page.getByRole('region', { name: 'SEDP methodology modules' });
  await expect(list.getByRole('listitem').first()).toBeVisible();

  await context.setOffline(true);
  const add = async (names: { ru: string; ky: string; en: string }) => {
    await list.getByRole('button', { name: 'Add an item' }).click();
    const form = list.getByRole('form', { name: 'New item' });
    await form.getByLabel('Name in Russian').fill(names.ru);
    await form.getByLabel('Name in Kyrgyz').fill(names.ky);
    await form.getByLabel('Name in English').fill(names.en);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(list.getByText(`“${names.en}” has been added.`, { exact: false })).toBeVisible();
  };

  // A name missing in one language: told so, and nothing typed is lost.
  await list.getByRole('button', { name: 'Add an item' }).click();
  const form = list.getByRole('form', { name: 'New item' });
  await form.getByLabel('Name in English').fill('  E2E module 7 ');
  await form.getByLabel('Name in Russian').fill('Модуль E2E 7');
  await expect(form).toContainText('Code: e2e-module-7.');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText('Enter the name in all three languages.');
  await expect(form.getByLabel('Name in English')).toHaveValue('  E2E module 7 ');
  await expect(form.getByLabel('Name in Kyrgyz')).toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('button', { name: 'Cancel' }).click();

  await add({ ru: 'Модуль E2E 7', ky: 'E2E модулу 7', en: 'E2E module 7' });
  await add({ ru: 'Модуль E2E 7 старый', ky: 'E2E модулу 7 эски', en: 'E2E module 7 old' });
  const item = (name: string) =>
    list
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
  await expect(item('E2E module 7')).toContainText('Code: e2e-module-7');
  await expect(item('E2E module 7')).toContainText('Waiting to be sent');

  // The same name twice in a list is refused.
  await list.getByRole('button', { name: 'Add an item' }).click();
  await form.getByLabel('Name in Russian').fill('Другой');
  await form.getByLabel('Name in Kyrgyz').fill('Башка');
  await form.getByLabel('Name in English').fill('e2e MODULE 7');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'The list already has an item named “e2e MODULE 7”.',
  );
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Rename: the code stays.
  await list.getByRole('button', { name: 'Edit E2E module 7', exact: true }).click();
  const edit = list.getByRole('form', { name: 'Edit E2E module 7' });
  await edit.getByLabel('Name in English').fill('E2E module 7 revised');
  await edit.getByLabel('Name in Russian').fill('Модуль E2E 7 (новый)');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(item('E2E module 7 revised')).toContainText('Code: e2e-module-7');

  // Order: the old one goes above the revised one.
  const titles = list.getByRole('heading', { level: 3 });
  await expect(titles.last()).toHaveText('E2E module 7 old');
  await list.getByRole('button', { name: 'Move E2E module 7 old up' }).click();
  await expect(titles.last()).toHaveText('E2E module 7 revised');
  await expect(list.getByRole('button', { name: 'Move E2E module 7 old up' })).toBeFocused();

  // Retire: it stays, marked, and can be restored.
  await list.getByRole('button', { name: 'Retire E2E module 7 old' }).click();
  await expect(item('E2E module 7 old')).toContainText('Retired');
  await expect(list.getByRole('button', { name: 'Restore E2E module 7 old' })).toBeVisible();

  // Saved on the device: still there after a reload without the network.
  await page.reload();
  await expect(item('E2E module 7 revised')).toBeVisible();
  await expect(item('E2E module 7 old')).toContainText('Retired');

  await context.setOffline(false);
  await page.goto('/sync');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('pending-count')).toHaveText('Nothing waiting to be sent');

  const onServer = (await serverItems(request)).filter(
    (r) => r.body.list === 'training-module' && r.body.code.startsWith('e2e-module-7'),
  );
  const revised = onServer.find((r) => r.body.code === 'e2e-module-7');
  const old = onServer.find((r) => r.body.code === 'e2e-module-7-old');
  expect(onServer).toHaveLength(2);
  expect(revised?.body.names).toEqual({
    ru: 'Модуль E2E 7 (новый)',
    ky: 'E2E модулу 7',
    en: 'E2E module 7 revised',
  });
  expect(revised?.body.retired).toBeFalsy();
  expect(revised?.updatedBy).toBe('admin');
  expect(old?.body.retired).toBe(true);
  expect(old?.body.order).toBeLessThan(revised?.body.order ?? 0);
});

test('a consultant has no link to the reference lists and is told they are for admins', async ({
  page,
}) => {
  await signIn(page, 'ainura');
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit the lists' })).toHaveCount(0);
  await page.goto('/lists');
  await expect(page.getByText('Only administrators open this section.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add an item' })).toHaveCount(0);
});

test('the list editor fits a 360 px phone in Kyrgyz, with tap targets of 44 px', async ({
  page,
}) => {
  await signIn(page, 'admin', 'ky');
  await page.goto('/lists?list=training-position');
  await expect(page.getByRole('heading', { level: 1, name: 'Маалымдамалар' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Катышуучулардын кызмат орундары' })).toBeChecked();
  const list = page.getByRole('region', { name: 'Катышуучулардын кызмат орундары' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  await list.getByRole('button', { name: 'Жазуу кошуу' }).click();
  await expect(list.getByRole('form', { name: 'Жаңы жазуу' })).toBeVisible();
  await expectPhoneFriendly(page, 'main');
});
