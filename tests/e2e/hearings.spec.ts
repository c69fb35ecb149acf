import {
  expect,
  expectPhoneFriendly,
  serverRecords,
  signIn,
  test,
  waitForServiceWorker,
} from './fixtures.ts';
import { E2E_PASSWORD } from './global-setup.ts';

test('a hearing is counted, minuted and photographed offline in Kyrgyz, and reaches a coordinator', async ({
  page,
  context,
  browser,
  baseURL,
  request,
}) => {
  await signIn(page, 'aida', 'ky');
  await waitForServiceWorker(page);
  await page.goto('/sync');
  await expect(page.getByText(/^Акыркы ийгиликтүү синхрондоштуруу: /)).toBeVisible();
  // A camera-sized photo (2400 × 1800) of a "signed sheet", made in the page.
  const photo = Buffer.from(
    await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 2400;
      canvas.height = 1800;
      const context2d = canvas.getContext('2d') as CanvasRenderingContext2D;
      context2d.fillStyle = '#fff';
      context2d.fillRect(0, 0, 2400, 1800);
      context2d.fillStyle = '#000';
      context2d.font = '120px sans-serif';
      context2d.fillText('Каттоо баракчасы', 100, 300);
      return canvas.toDataURL('image/jpeg', 0.95).split(',')[1] as string;
    }),
    'base64',
  );

  await context.setOffline(true);
  await page.getByRole('link', { name: 'Угуулар' }).first().click();
  await page.getByRole('link', { name: 'Жаңы угуу' }).click();
  await page.getByRole('button', { name: 'Угууну баштоо' }).click();
  await expect(page.getByRole('alert')).toContainText('Угуу өтүп жаткан муниципалитетти тандаңыз.');
  // Aida works in one district, so the picker starts there.
  await expect(page.getByLabel('Район', { exact: true })).toHaveValue(/.+/);
  await page.getByLabel('Муниципалитет').selectOption({ label: 'Кочкор-Ата' });
  await page.getByRole('button', { name: 'Угууну баштоо' }).click();

  const attendance = page.getByRole('region', { name: 'Катышуучулар', exact: true });
  const tapTimes = async (label: string, times: number) => {
    const plus = attendance.getByRole('button', { name: `${label}: бирди кошуу` });
    for (let i = 0; i < times; i += 1) await plus.click();
  };
  await tapTimes('Аялдар', 24);
  await attendance.getByRole('button', { name: 'Аялдар: бирди кемитүү' }).click();
  await tapTimes('Эркектер', 17);
  await tapTimes('Жаштар', 7);
  await attendance.getByRole('button', { name: /^Акыркыны жокко чыгаруу/ }).click();
  await expect(attendance.getByLabel('Аялдар', { exact: true })).toHaveValue('23');
  await expect(attendance.getByLabel('Эркектер', { exact: true })).toHaveValue('17');
  await expect(attendance.getByLabel('Жаштар', { exact: true })).toHaveValue('6');
  await expect(attendance.getByText('40 катышуучу')).toBeVisible();
  await expect(attendance.getByText(/^Аялдар: 58/)).toBeVisible();
  // Counting from the sheet: a typed number, and one that is not a count.
  await attendance.getByLabel('Улгайган адамдар', { exact: true }).fill('-4');
  await attendance.getByLabel('Улгайган адамдар', { exact: true }).press('Tab');
  await expect(attendance.getByLabel('Улгайган адамдар', { exact: true })).toHaveValue('0');
  await attendance.getByLabel('Улгайган адамдар', { exact: true }).fill('5');
  await attendance.getByLabel('Улгайган адамдар', { exact: true }).press('Enter');
  await expect(page.getByText('Телефондо сакталды')).toBeVisible();

  // Reload in the middle: every tap is already in IndexedDB.
  await page.reload();
  await expect(attendance.getByLabel('Аялдар', { exact: true })).toHaveValue('23');
  await expect(attendance.getByLabel('Жаштар', { exact: true })).toHaveValue('6');
  await expect(attendance.getByLabel('Улгайган адамдар', { exact: true })).toHaveValue('5');

  await page.getByLabel('Өткөрүү жери (айыл, имарат)').fill('Маданият үйү, Кызыл-Жар');
  await page.getByLabel('Башталган убакыт').fill('10:00');
  await page.getByLabel('Бүткөн убакыт').fill('09:30');
  await expect(page.getByText('Бүткөн убакыт башталган убакыттан эрте.').first()).toBeVisible();
  await expect(page.getByText('Каралама катары сакталды')).toBeVisible();
  await page.getByLabel('Бүткөн убакыт').fill('12:30');
  await page.getByLabel('Төрага').fill('Асанов Бакыт');

  const proposals = page.getByRole('region', { name: /^Сунуштар/ });
  await proposals.getByRole('button', { name: 'Сунуш кошуу' }).click();
  await proposals.getByLabel('1-сунуш', { exact: true }).fill('Мектепке жол куруу');
  await proposals.getByRole('group', { name: '1-сунуш: кимден' }).getByLabel('Аялдар').check();
  await proposals.getByRole('group', { name: '1-сунуш: жооп' }).getByLabel('Кабыл алынды').check();
  await proposals.getByRole('button', { name: 'Сунуш кошуу' }).click();
  await proposals.getByLabel('2-сунуш', { exact: true }).fill('Жаштар борбору');
  await proposals.getByRole('group', { name: '2-сунуш: кимден' }).getByLabel('Жаштар').check();
  await proposals.getByRole('group', { name: '2-сунуш: жооп' }).getByLabel('Четке кагылды').check();

  await page.getByLabel('Каттоо баракчасын сүрөткө тартуу').setInputFiles({
    name: 'sheet.jpg',
    mimeType: 'image/jpeg',
    buffer: photo,
  });
  const sheet = page.getByRole('img', { name: /^1-сүрөт: Кол коюлган каттоо баракчасы/ });
  await expect(sheet).toBeVisible();
  const width = await sheet.evaluate((img: HTMLImageElement) => img.naturalWidth);
  expect(width).toBe(1600);
  await expect(page.getByText('Телефондо сакталды')).toBeVisible();

  await page.reload();
  await expect(proposals.getByLabel('2-сунуш', { exact: true })).toHaveValue('Жаштар борбору');
  await sheet.scrollIntoViewIfNeeded();
  await expect(sheet).toBeVisible();

  // Two names taken at the door: the list is kept beside the count, and differs from it.
  await page.getByText('Катышуучулар аты-жөнү менен (милдеттүү эмес)', { exact: true }).click();
  const named = page.getByRole('region', { name: /^Катышуучулар аты-жөнү менен/ });
  await named.getByLabel('Аты-жөнү').fill('Токтосунова Айгүл');
  await named.getByRole('radio', { name: 'Аял' }).check();
  await named.getByLabel('Аты-жөнү').press('Enter');
  await expect(named.getByRole('status')).toContainText('Токтосунова Айгүл кошулду.');
  await named.getByLabel('Аты-жөнү').fill('Бакиров Нурлан');
  await named.getByRole('radio', { name: 'Эркек' }).check();
  await named.getByText('Дагы: телефон, топтор, күндөр').click();
  await named.getByRole('checkbox', { name: 'Жаштар' }).check();
  await named.getByRole('button', { name: 'Катышуучуну кошуу' }).click();
  await expect(named.getByRole('listitem')).toHaveCount(2);
  const compare = page.getByRole('region', {
    name: 'Эсеп менен катышуучулардын тизмеси дал келбейт',
  });
  await expect(compare.getByRole('row', { name: /^Аялдар 23 1$/ })).toBeVisible();

  await page.getByRole('button', { name: 'Протоколду аяктоо' }).click();
  await expect(page.getByText('Катчыны көрсөтүңүз.')).toBeVisible();
  await expect(page.getByText('Четке кагылган ар бир сунуштун себебин көрсөтүңүз.')).toBeVisible();
  await page.getByLabel('Катчы').fill('Осмонова Аида');
  await proposals.getByLabel('2-сунуш: четке кагуунун себеби').fill('Бюджетте каражат жок');
  await page.getByRole('button', { name: 'Протоколду аяктоо' }).click();
  await expect(page.getByText('Аяктады', { exact: true })).toBeVisible();
  await expect(page.getByText('Телефондо сакталды')).toBeVisible();

  await page.getByRole('link', { name: 'Протоколду басып чыгаруу' }).click();
  const minutes = page.getByRole('article', { name: 'Коомдук угуунун ПРОТОКОЛУ' });
  await expect(minutes.getByRole('row', { name: 'Аялдар 23' })).toBeVisible();
  await expect(minutes.getByRole('row', { name: 'Эркектер 17' })).toBeVisible();
  await expect(minutes.getByRole('row', { name: 'Бардыгы 40' })).toBeVisible();
  await expect(minutes.getByRole('row', { name: 'Жаштар 6' })).toBeVisible();
  await expect(minutes.getByText('Мектепке жол куруу')).toBeVisible();
  await expect(minutes.getByText('Четке кагылды: Бюджетте каражат жок')).toBeVisible();
  await page.getByLabel('Протоколдун тили').selectOption('ru');
  await expect(page.getByRole('article', { name: 'ПРОТОКОЛ публичных слушаний' })).toBeVisible();
  await expect(page.getByRole('row', { name: 'Женщины 23' })).toBeVisible();

  // Online again: the hearing and its photo reach the server.
  await context.setOffline(false);
  await page.goto('/sync');
  await expect(page.getByTestId('pending-count')).toHaveText('Жөнөтүүнү күткөн өзгөртүү жок');
  const hearing = (await serverRecords(request)).find(
    (r) => r.type === 'hearing' && r.body.venue === 'Маданият үйү, Кызыл-Жар',
  );
  expect(hearing?.body).toMatchObject({
    status: 'final',
    venue: 'Маданият үйү, Кызыл-Жар',
    attendance: { tally: { women: 23, men: 17, groups: { youth: 6, elderly: 5 } } },
  });
  const photos = hearing?.body.photos as { sha256: string }[];
  const login = await request.post('/api/auth/login', {
    data: { username: 'admin', password: E2E_PASSWORD },
  });
  const { token } = (await login.json()) as { token: string };
  const blob = await request.get(`/api/blobs/${photos[0]?.sha256}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(blob.status()).toBe(200);
  expect(blob.headers()['content-type']).toBe('image/jpeg');

  // A coordinator's browser pulls it, photo included.
  const coordinator = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const desk = await coordinator.newPage();
  await signIn(desk, 'admin', 'en');
  await desk.goto('/hearings');
  await desk.getByLabel('Search (municipality, venue, chair)').fill('Кызыл-Жар');
  await expect(desk.getByText('1 hearing', { exact: true })).toBeVisible();
  await desk.getByRole('link', { name: /^Kochkor-Ata · / }).click();
  await expect(desk).toHaveURL(new RegExp(`/hearings/${hearing?.id}$`));
  await expect(desk.getByRole('textbox', { name: 'Women', exact: true })).toHaveValue('23');
  const fetched = desk.getByRole('img', { name: /^Photo 1: Signed attendance sheet/ });
  await fetched.scrollIntoViewIfNeeded();
  await expect(fetched).toBeVisible();
  await coordinator.close();
});

/** The words of the counting journey, in each language. */
const COUNTING = {
  en: {
    newHearing: 'New hearing',
    start: 'Start the hearing',
    attendance: 'Attendance',
    women: 'Women',
    men: 'Men',
    plus: ': plus one',
    offline: 'SEDP Field now works offline on this device.',
    total: '18 participants',
    share: /^Women: 5[56]/,
  },
  ru: {
    newHearing: 'Новые слушания',
    start: 'Начать слушания',
    attendance: 'Участники',
    women: 'Женщины',
    men: 'Мужчины',
    plus: ': плюс один',
    offline: 'Теперь SEDP Field работает на этом устройстве без интернета.',
    total: '18 участников',
    share: /^Женщины: 5[56]/,
  },
  ky: {
    newHearing: 'Жаңы угуу',
    start: 'Угууну баштоо',
    attendance: 'Катышуучулар',
    women: 'Аялдар',
    men: 'Эркектер',
    plus: ': бирди кошуу',
    offline: 'SEDP Field эми бул түзмөктө интернетсиз иштейт.',
    total: '18 катышуучу',
    share: /^Аялдар: 5[56]/,
  },
} as const;

for (const language of ['en', 'ru', 'ky'] as const) {
  test(`10 women and 8 men are counted from Home in at most 21 taps, counters on the first screen (${language})`, async ({
    page,
  }) => {
    const words = COUNTING[language];
    await signIn(page, 'bakyt', language);
    // An earlier hearing: its municipality is remembered for the next one.
    await page.goto('/hearings/new');
    const municipality = page.getByLabel(/^(Municipality|Муниципалитет)$/);
    await expect(municipality.locator('option').nth(1)).toBeAttached();
    await municipality.selectOption({ index: 1 });
    await page.getByRole('button', { name: words.start }).click();
    await expect(page.getByRole('region', { name: words.attendance, exact: true })).toBeVisible();

    await page.goto('/');
    // Works offline from here: said (once) on Home, never on the hearing.
    await waitForServiceWorker(page);
    let taps = 0;
    const tap = async (target: import('@playwright/test').Locator) => {
      taps += 1;
      await target.click();
    };
    await tap(page.getByRole('main').getByRole('link', { name: words.newHearing, exact: true }));
    await expect(municipality).not.toHaveValue('');
    const start = page.getByRole('button', { name: words.start });
    // The municipality remembered, "Start" is on the first screen too.
    const startBox = await start.boundingBox();
    const barBox = await page.locator('nav.nav').boundingBox();
    expect(startBox && barBox && startBox.y + startBox.height <= barBox.y).toBe(true);
    await tap(start);

    // On open, without scrolling: both counters, the total and the share of women, all above
    // the bottom bar.
    const attendance = page.getByRole('region', { name: words.attendance, exact: true });
    await expect(attendance).toBeVisible();
    await expect(page.getByText(words.offline)).toHaveCount(0);
    const bar = await page.locator('nav.nav').boundingBox();
    expect(bar).not.toBeNull();
    const barTop = bar?.y ?? 0;
    expect(barTop).toBeLessThanOrEqual(740);
    const onFirstScreen = async (target: import('@playwright/test').Locator) => {
      const box = await target.boundingBox();
      expect(box, 'element laid out').not.toBeNull();
      if (!box) return;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(barTop);
      return box;
    };
    for (const label of [words.women, words.men]) {
      await onFirstScreen(
        attendance.getByRole('button', { name: `${label}${words.plus}`, exact: true }),
      );
      await onFirstScreen(attendance.getByLabel(label, { exact: true }));
    }
    const summary = attendance.locator('.tally__summary');
    await onFirstScreen(summary);

    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    const women = attendance.getByRole('button', {
      name: `${words.women}${words.plus}`,
      exact: true,
    });
    const men = attendance.getByRole('button', { name: `${words.men}${words.plus}`, exact: true });
    for (let i = 0; i < 10; i += 1) await tap(women);
    for (let i = 0; i < 8; i += 1) await tap(men);
    await expect(attendance.getByLabel(words.women, { exact: true })).toHaveValue('10');
    await expect(attendance.getByLabel(words.men, { exact: true })).toHaveValue('8');
    await expect(summary.getByText(words.total)).toBeVisible();
    await expect(summary.getByText(words.share)).toBeVisible();
    expect(taps).toBeLessThanOrEqual(21);
    await onFirstScreen(summary);
  });
}

test('a hearing recorded later asks for its date first, a defaulted start never lands after the end, and Finish leads to each missing field', async ({
  page,
}) => {
  await signIn(page, 'bakyt', 'en');
  await page.goto('/hearings/new');
  const municipality = page.getByLabel('Municipality');
  await expect(municipality.locator('option').nth(1)).toBeAttached();
  await municipality.selectOption({ index: 1 });

  // Entered after the fact: the date (and times, if known) come first.
  await page.getByRole('radio', { name: 'Already held: I am recording it afterwards' }).check();
  await page.getByRole('button', { name: 'Start the hearing' }).click();
  await expect(page.getByRole('alert')).toHaveText('Enter the date the hearing was held.');
  await page.getByLabel('Date').fill('2026-03-12');
  await page.getByLabel('End time').fill('12:30');
  await page.getByRole('button', { name: 'Start the hearing' }).click();
  const minutes = page.getByRole('region', { name: 'Minutes' });
  await expect(minutes.getByLabel('Date')).toHaveValue('2026-03-12');
  await expect(minutes.getByLabel('Start time')).toHaveValue('');
  await expect(minutes.getByLabel('End time')).toHaveValue('12:30');
  await expect(page.getByText('Saved on this phone')).toBeVisible();

  // Counted now, but the end typed is earlier than the start that was only "now": the start
  // is cleared and asked for, never kept after the end.
  await page.goto('/');
  await page.getByRole('main').getByRole('link', { name: 'New hearing', exact: true }).click();
  await page.getByRole('button', { name: 'Start the hearing' }).click();
  await expect(minutes.getByLabel('Start time')).not.toHaveValue('');
  await minutes.getByLabel('End time').fill('00:00');
  // Applied when the end field is left (Tab moves within a time field's hours and minutes).
  await minutes.getByLabel('End time').blur();
  await expect(minutes.getByLabel('Start time')).toHaveValue('');
  await expect(minutes.getByText(/Enter when the hearing started\.$/)).toBeVisible();
  await expect(page.getByText('Saved on this phone')).toBeVisible();
  await expect(page.getByText('Kept as a draft')).toHaveCount(0);
  // A start the consultant typed is kept, and the mismatch is shown instead.
  await minutes.getByLabel('Start time').fill('10:00');
  await minutes.getByLabel('End time').fill('09:30');
  await minutes.getByLabel('End time').blur();
  await expect(minutes.getByLabel('Start time')).toHaveValue('10:00');
  await expect(minutes.getByText('The end time is before the start time.')).toBeVisible();
  await minutes.getByLabel('End time').fill('11:30');

  // Finish: each problem is a link to its field, and puts the cursor there.
  await page.getByRole('button', { name: 'Finish the minutes' }).click();
  const finish = page.getByRole('region', { name: 'Finish' });
  await finish.getByRole('link', { name: 'Enter the secretary.' }).click();
  await expect(minutes.getByLabel('Secretary')).toBeFocused();
  await finish.getByRole('link', { name: 'Enter the chair.' }).click();
  await expect(minutes.getByLabel('Chair')).toBeFocused();
  await page.keyboard.type('Asanov Bakyt', { delay: 20 });
  await finish.getByRole('link', { name: 'Count the participants first.' }).click();
  await expect(
    page
      .getByRole('region', { name: 'Attendance', exact: true })
      .getByLabel('Women', { exact: true }),
  ).toBeFocused();
});

test('lists: each card is one link of at least 48 px, and the filters fold behind "Filter (n)"', async ({
  page,
}) => {
  await signIn(page, 'bakyt', 'en');
  await page.goto('/hearings/new');
  const municipality = page.getByLabel('Municipality');
  await expect(municipality.locator('option').nth(1)).toBeAttached();
  await municipality.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Start the hearing' }).click();
  await expect(page.getByText('Saved on this phone')).toBeVisible();

  await page.goto('/hearings');
  const list = page.getByRole('main').getByRole('list').first();
  const card = list.getByRole('listitem').first();
  await expect(card).toBeVisible();
  // The first record is on the first screen; the filters are folded.
  const filter = page.getByRole('button', { name: 'Filter', exact: true });
  await expect(filter).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('Search (municipality, venue, chair)')).toBeHidden();
  const bar = await page.locator('nav.nav').boundingBox();
  const cardBox = await card.boundingBox();
  expect(cardBox && bar && cardBox.y + Math.min(cardBox.height, 48) <= bar.y).toBe(true);
  expect(cardBox?.height).toBeGreaterThanOrEqual(48);
  // One link covers the whole card, named by its title.
  const links = card.getByRole('link');
  await expect(links).toHaveCount(1);
  const title = (await card.getByRole('heading').textContent()) ?? '';
  await expect(links).toHaveAccessibleName(title);
  const linkBox = await links.evaluate((a) => {
    const cover = a.getBoundingClientRect();
    const after = getComputedStyle(a, '::after');
    return { position: after.position, inset: after.inset, height: cover.height };
  });
  expect(linkBox.position).toBe('absolute');
  expect(linkBox.height).toBeGreaterThanOrEqual(44);
  await expectPhoneFriendly(page, 'main');
  // A tap at the bottom corner of the card (far from the title) opens it.
  if (cardBox)
    await page.mouse.click(cardBox.x + cardBox.width - 8, cardBox.y + cardBox.height - 8);
  await expect(page).toHaveURL(/\/hearings\/[0-9a-f-]+$/);

  // "Filter (n)" counts the filters in use.
  await page.goto('/hearings');
  await filter.click();
  await expect(filter).toHaveAttribute('aria-expanded', 'true');
  await page.getByLabel('Status').selectOption('draft');
  await expect(page.getByRole('button', { name: 'Filter (1)' })).toBeVisible();
  await page.getByLabel('Search (municipality, venue, chair)').fill('nowhere at all');
  await expect(page.getByRole('button', { name: 'Filter (2)' })).toBeVisible();

  // Home's "Unfinished drafts" opens the list at its drafts.
  await page.goto('/');
  await page.getByRole('link', { name: 'Unfinished drafts' }).click();
  await expect(page).toHaveURL(/\/hearings\?status=draft$/);
  await expect(page.getByRole('button', { name: 'Filter (1)' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible();

  for (const path of ['/trainings', '/checklists']) {
    await page.goto(path);
    for (const item of await page.getByRole('main').locator('.list__item').all()) {
      expect((await item.boundingBox())?.height).toBeGreaterThanOrEqual(48);
      await expect(item.getByRole('link')).toHaveCount(1);
    }
  }
});
