import {
  expect,
  midWordBreaks,
  sidewaysScrolls,
  signIn,
  test,
  waitForServiceWorker,
} from './fixtures.ts';

/**
 * On a 360 px phone, long Kyrgyz and Russian words ("Муниципалитеттер", "Синхрондоштуруу",
 * "Өзгөрүү") wrap only where a hyphen shows, and a date never wraps inside "1-ноябрь".
 */
test.describe('long words at 360 px', () => {
  for (const language of ['ky', 'ru'] as const) {
    test(`home tiles in ${language} split no word without a hyphen`, async ({ page }) => {
      await signIn(page, 'aida', language);
      await page.goto(`/?lng=${language}`);
      await expect(page.locator('.tile')).toHaveCount(8);
      expect(await midWordBreaks(page, '.tiles')).toEqual([]);
      expect(await midWordBreaks(page, '.today')).toEqual([]);
    });
  }

  test('Kyrgyz screens with long words split none of them', async ({ page, context }) => {
    await signIn(page, 'bakyt', 'ky');
    await waitForServiceWorker(page);
    await page.goto('/sync?lng=ky');
    await expect(page.getByText(/^Акыркы ийгиликтүү синхрондоштуруу: /)).toBeVisible();
    expect(await midWordBreaks(page, 'main')).toEqual([]);

    // The evaluation stays on this phone: offline, and the context ends with the test.
    await context.setOffline(true);
    await page.goto('/checklists/new');
    await page.getByLabel('Муниципалитет').selectOption({ label: 'Кочкор-Ата' });
    await page
      .getByLabel('Программанын долбоору (версиясы же күнү)')
      .fill('Биринчи долбоор, 2024-ж., 2-ноябрь');
    await page.getByRole('button', { name: 'Баалоону баштоо' }).click();
    await expect(page.getByRole('heading', { name: 'Кочкор-Ата', level: 1 })).toBeVisible();
    await expect(page.getByLabel('Жарым-жартылай (0,5)').first()).toBeVisible();
    expect(await midWordBreaks(page, 'main')).toEqual([]);
    expect(await sidewaysScrolls(page, 'main')).toEqual([]);

    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { name: 'Иш планы' })).toBeVisible();
    expect(await midWordBreaks(page, 'main')).toEqual([]);
  });

  test('the Russian dashboard and sync screen split no word', async ({ page }) => {
    await signIn(page, 'bakyt', 'ru');
    await page.goto('/sync?lng=ru');
    await expect(page.getByText(/^Последняя успешная синхронизация: /)).toBeVisible();
    expect(await midWordBreaks(page, 'main')).toEqual([]);
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { name: 'Рабочий план' })).toBeVisible();
    expect(await midWordBreaks(page, 'main')).toEqual([]);
  });
});
