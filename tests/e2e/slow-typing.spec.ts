import type { Page } from '@playwright/test';
import { expect, signIn, test, waitForServiceWorker } from './fixtures.ts';

/** The territories come with the first sync: wait for it before going offline. */
async function firstSync(page: Page) {
  await page.goto('/sync');
  await expect(page.getByText(/^Последняя успешная синхронизация: /)).toBeVisible({
    timeout: 30_000,
  });
}

/** A thumb types a letter every 0.3–0.5 s; a long press for ң/ө/ү takes longer still. */
const thumbPause = () => 300 + Math.floor(Math.random() * 200);

test('slow typing between counter taps is all saved and survives a reload, offline', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'bakyt', 'ru');
  await waitForServiceWorker(page);
  await firstSync(page);
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Слушания' }).first().click();
  await page.getByRole('link', { name: 'Новые слушания' }).click();
  await page.getByLabel('Муниципалитет').selectOption({ label: 'Кочкор-Ата' });
  await page.getByRole('button', { name: 'Начать слушания' }).click();

  const attendance = page.getByRole('region', { name: 'Участники', exact: true });
  const women = attendance.getByRole('button', { name: 'Женщины: плюс один' });
  const men = attendance.getByRole('button', { name: 'Мужчины: плюс один' });
  const decisions = page.getByLabel('Решения');
  const text = 'Жаңы мектеп үчүн өтүнүч';
  let womenTaps = 0;
  let menTaps = 0;
  await decisions.click();
  for (const [i, letter] of [...text].entries()) {
    await page.keyboard.type(letter);
    // ң, ө and ү need a long press on a phone keyboard.
    await page.waitForTimeout('ңөү'.includes(letter) ? 700 : thumbPause());
    if (i % 4 === 3) {
      // A tap, then straight back to typing: the case that used to stall saving.
      await (i % 8 === 3 ? women : men).click();
      if (i % 8 === 3) womenTaps += 1;
      else menTaps += 1;
      await decisions.click();
      await page.keyboard.press('End');
    }
  }
  await expect(decisions).toHaveValue(text);
  // Saving finishes by itself, with no error and no endless "Сохранение…".
  await expect(page.getByRole('status').filter({ hasText: 'Сохранено на телефоне' })).toBeVisible({
    timeout: 10_000,
  });

  await page.reload();
  await expect(page.getByLabel('Решения')).toHaveValue(text);
  await expect(attendance.getByLabel('Женщины', { exact: true })).toHaveValue(String(womenTaps));
  await expect(attendance.getByLabel('Мужчины', { exact: true })).toHaveValue(String(menTaps));
});

test('a page closed in the middle of saving leaves the record or its draft, never nothing', async ({
  page,
  context,
}) => {
  await signIn(page, 'bakyt', 'ru');
  await waitForServiceWorker(page);
  await firstSync(page);
  await context.setOffline(true);
  await page.goto('/hearings/new');
  await page.getByLabel('Муниципалитет').selectOption({ label: 'Кочкор-Ата' });
  await page.getByRole('button', { name: 'Начать слушания' }).click();
  await page.waitForURL(/\/hearings\/[0-9a-f-]{36}$/);
  const address = page.url();
  const attendance = page.getByRole('region', { name: 'Участники', exact: true });
  await page.getByLabel('Решения').pressSequentially('Построить мост', { delay: 50 });
  await expect(page.getByRole('status').filter({ hasText: 'Сохранено на телефоне' })).toBeVisible();

  // Taps and typing still being written when the tab is closed.
  const plus = attendance.getByRole('button', { name: 'Женщины: плюс один' });
  for (let i = 0; i < 6; i += 1) await plus.click({ delay: 0 });
  await page.getByLabel('Решения').press('End');
  await page.keyboard.type(' через реку');
  await page.close();

  const again = await context.newPage();
  await again.goto(address);
  const decisions = again.getByLabel('Решения');
  await expect(decisions).toHaveValue(/^Построить мост/);
  const women = Number(
    await again
      .getByRole('region', { name: 'Участники', exact: true })
      .getByLabel('Женщины', { exact: true })
      .inputValue(),
  );
  // Whatever was written last before the close is there; nothing earlier was lost.
  expect(women).toBeGreaterThanOrEqual(0);
  expect(women).toBeLessThanOrEqual(6);
  await expect(
    again.getByRole('status').filter({ hasText: /Сохранено на телефоне|Сохранено как черновик/ }),
  ).toBeVisible();
});
