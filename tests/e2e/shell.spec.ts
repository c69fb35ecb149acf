import { expect, expectPhoneFriendly, signIn, test } from './fixtures.ts';

test.describe('app shell on a phone', () => {
  test('asks for sign-in first, in Russian', async ({ page }) => {
    await page.goto('/hearings');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByRole('heading', { level: 1, name: 'Вход' })).toBeVisible();
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page.getByRole('alert')).toHaveText('Введите имя пользователя и пароль.');
    await page.getByLabel('Имя пользователя').fill('aida');
    await page.getByLabel('Пароль').fill('not-the-password');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page.getByRole('alert')).toHaveText('Неверное имя пользователя или пароль.');
    // What was typed is still there.
    await expect(page.getByLabel('Имя пользователя')).toHaveValue('aida');
  });

  test('starts in Russian with every section reachable', async ({ page }) => {
    await signIn(page, 'aida', 'ru');
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByRole('heading', { level: 1, name: 'Сегодня' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('status')).toHaveText('В сети');

    const nav = page.getByRole('navigation', { name: 'Разделы' });
    await nav.getByRole('link', { name: 'Слушания' }).click();
    await expect(page).toHaveURL(/\/hearings$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Публичные слушания' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Новые слушания' })).toBeVisible();

    await page.goto('/');
    const main = page.getByRole('main');
    for (const [name, heading] of [
      ['Муниципалитеты', 'Муниципалитеты'],
      ['Показатели', 'Показатели'],
      ['Синхронизация', 'Синхронизация'],
      ['Настройки', 'Настройки'],
      ['Оценка', 'Оценочные листы'],
      ['Обучение', 'Обучение'],
    ]) {
      await main.getByRole('link', { name, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await page.goBack();
    }
  });

  test('switches language from the header and remembers it', async ({ page }) => {
    await signIn(page, 'aida', 'ru');
    await page.goto('/settings');
    await page.getByRole('combobox', { name: 'Язык' }).selectOption({ label: 'English' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('radio', { name: 'Кыргызча' }).click();
    await expect(page.getByRole('radio', { name: 'Кыргызча' })).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
    await expect(page.getByRole('heading', { level: 1, name: 'Жөндөөлөр' })).toBeVisible();
    await expect(page.getByText(/Түзмөктүн идентификатору/)).toBeVisible();
  });

  test('?lng=ky shows Kyrgyz with a Kyrgyz date, in Noto Sans', async ({ page }) => {
    await signIn(page, 'aida');
    await page.goto('/?lng=ky');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
    await expect(page.getByRole('heading', { level: 1, name: 'Бүгүн' })).toBeVisible();
    const expected = await page.evaluate(() => {
      const months = [
        'январь',
        'февраль',
        'март',
        'апрель',
        'май',
        'июнь',
        'июль',
        'август',
        'сентябрь',
        'октябрь',
        'ноябрь',
        'декабрь',
      ];
      const now = new Date();
      // Joined by non-breaking hyphens, so a day never wraps away from its month.
      return `${now.getFullYear()}\u2011ж., ${now.getDate()}\u2011${months[now.getMonth()]}`;
    });
    await expect(page.getByText(`Бүгүн: ${expected}`)).toBeVisible();
    // The self-hosted font, with the Cyrillic Extended subset Kyrgyz needs, is in use.
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans"', 'ңөү'))).toBe(true);
    expect(
      await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some(
          (f) =>
            f.family.includes('Noto Sans') &&
            f.status === 'loaded' &&
            f.unicodeRange.includes('U+460-52F'),
        );
      }),
    ).toBe(true);
  });

  test('tap targets are at least 44 px and nothing overflows 360 px', async ({ page }) => {
    await signIn(page, 'aida');
    await page.goto('/?lng=ky');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectPhoneFriendly(page);
  });

  test('unknown addresses get a translated page, not a blank screen', async ({ page }) => {
    await signIn(page, 'aida');
    await page.goto('/no-such-page?lng=en');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to home' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  });

  test('shows the network state as it changes', async ({ page, context }) => {
    await signIn(page, 'aida');
    await page.goto('/?lng=en');
    await expect(page.getByRole('banner').getByRole('status')).toHaveText('Online');
    await context.setOffline(true);
    await expect(page.getByRole('banner').getByRole('status')).toHaveText('Offline');
    await context.setOffline(false);
    await expect(page.getByRole('banner').getByRole('status')).toHaveText('Online');
  });

  test('the bottom bar of a consultant is for field work', async ({ page }) => {
    await signIn(page, 'aida', 'en');
    const bar = page.getByRole('navigation', { name: 'Sections' });
    await expect(bar.getByRole('link', { name: 'Hearings' })).toBeVisible();
    await expect(bar.getByRole('link', { name: 'Dashboard' })).toBeHidden();
  });

  test('the bottom bar of a coordinator has the dashboard', async ({ page }) => {
    await signIn(page, 'admin', 'en');
    const bar = page.getByRole('navigation', { name: 'Sections' });
    await expect(bar.getByRole('link', { name: 'Checklists' })).toBeVisible();
    await bar.getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expectPhoneFriendly(page, 'nav.nav');
  });

  test('offers "Install on this phone" once the first record is saved, and "Not now" is remembered', async ({
    page,
  }) => {
    await signIn(page, 'bakyt', 'en');
    await page.goto('/');
    // The browser's install prompt, as Chromium would fire it (kept for later, once).
    await page.evaluate(() => {
      const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
        prompt: () => Promise<void>;
        userChoice: Promise<{ outcome: string }>;
      };
      event.prompt = async () => {
        (window as unknown as { installAsked: boolean }).installAsked = true;
      };
      event.userChoice = Promise.resolve({ outcome: 'dismissed' });
      window.dispatchEvent(event);
    });
    const hint = page.getByRole('region', { name: 'Install on this phone' });
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await expect(hint).toHaveCount(0);

    // The first record saved on this phone.
    await page.getByRole('main').getByRole('link', { name: 'New hearing', exact: true }).click();
    const municipality = page.getByLabel('Municipality');
    await expect(municipality.locator('option').nth(1)).toBeAttached();
    await municipality.selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Start the hearing' }).click();
    await expect(page.getByText('Saved on this phone')).toBeVisible();
    // Never in the way of the work: not on the hearing.
    await expect(hint).toHaveCount(0);

    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Home' })
      .click();
    await expect(hint).toBeVisible();
    await hint.getByRole('button', { name: 'Install' }).click();
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { installAsked?: boolean }).installAsked),
      )
      .toBe(true);
    // Declined in the browser's dialog: the written instructions stay, without the button.
    await expect(hint.getByRole('button', { name: 'Install' })).toHaveCount(0);
    await expect(hint).toContainText('Open the browser menu');
    await hint.getByRole('button', { name: 'Not now' }).click();
    await expect(hint).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await expect(
      page.getByRole('main').getByRole('link', { name: 'New hearing', exact: true }),
    ).toBeVisible();
    await expect(hint).toHaveCount(0);
  });
});
