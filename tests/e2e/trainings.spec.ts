import { readFileSync } from 'node:fs';
import { BOM, parseCsv } from '../../src/export/csv.ts';
import {
  expect,
  expectPhoneFriendly,
  serverRecords,
  signIn,
  test,
  waitForServiceWorker,
} from './fixtures.ts';

/** Twelve people of the Kerben training: seven women and five men, with their positions. */
const ROSTER = [
  ['Асанова Гульнара', 'Женщина', 'Депутат местного кенеша'],
  ['Токтобаева Айжан', 'Женщина', 'Сотрудник ОМСУ'],
  ['Мамытова Чолпон', 'Женщина', 'Сотрудник ОМСУ'],
  ['Садыкова Нургуль', 'Женщина', 'Гражданское общество'],
  ['Жумабаева Бермет', 'Женщина', 'Депутат местного кенеша'],
  ['Исакова Динара', 'Женщина', 'Другое'],
  ['Абдыкадырова Мээрим', 'Женщина', 'Гражданское общество'],
  ['Осмонов Талант', 'Мужчина', 'Сотрудник ОМСУ'],
  ['Касымов Эрлан', 'Мужчина', 'Депутат местного кенеша'],
  ['Бекмуратов Азамат', 'Мужчина', 'Районная администрация'],
  ['Сыдыков Нурлан', 'Мужчина', 'Сотрудник ОМСУ'],
  ['Ташиев Улан', 'Мужчина', 'Гражданское общество'],
] as const;

const VENUE = 'Зал мэрии Кербена (e2e обучение)';

test('a training for Kerben is recorded offline in Russian with its roster, and counts Kerben as trained', async ({
  page,
  context,
  request,
}) => {
  await signIn(page, 'ainura', 'ru');
  await waitForServiceWorker(page);
  await page.goto('/sync');
  await expect(page.getByText(/^Последняя успешная синхронизация: /)).toBeVisible();

  await context.setOffline(true);
  await page.getByRole('link', { name: 'Обучение' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Обучение' })).toBeVisible();
  await page.getByRole('link', { name: 'Новое обучение' }).click();
  await page.getByRole('button', { name: 'Создать обучение' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Выберите муниципалитет, для которого проводится обучение.',
  );
  await page.getByLabel('Муниципалитет').selectOption({ label: 'Кербен' });
  await page.getByRole('button', { name: 'Создать обучение' }).click();

  // The session: a module, two days, the venue.
  const session = page.getByRole('region', { name: 'Сведения об обучении' });
  await session.getByRole('checkbox', { name: 'Методика разработки ПСЭР (2024)' }).check();
  await session.getByLabel('Место проведения').fill(VENUE);
  await session.getByLabel('Тренеры').fill('Иманалиева Жыпар');
  const firstDay = await session.getByLabel('Первый день').inputValue();
  const next = new Date(`${firstDay}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  await session.getByLabel('Последний день').fill(next.toISOString().slice(0, 10));
  await expect(session.getByText('2 дня')).toBeVisible();
  await expect(session.getByRole('checkbox', { name: 'Кербен' })).toBeChecked();

  // Opened again, now titled by its module: the name field is ready and Add is in sight.
  await expect(page.getByText('Сохранено на телефоне')).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('region', { name: /^Список участников/ }).getByLabel('ФИО'),
  ).toBeFocused();
  const addAt = await page.getByRole('button', { name: 'Добавить участника' }).boundingBox();
  const barAt = await page.locator('nav.nav').boundingBox();
  expect(addAt && barAt && addAt.y + addAt.height <= barAt.y).toBe(true);

  // The roster, one person after another from the keyboard.
  const roster = page.getByRole('region', { name: /^Список участников/ });
  const add = async ([name, sex, position]: (typeof ROSTER)[number]) => {
    await roster.getByLabel('ФИО').fill(name);
    await roster.getByRole('radio', { name: sex }).first().check();
    await roster.getByLabel('Должность').first().selectOption({ label: position });
    await roster.getByLabel('ФИО').first().press('Enter');
    await expect(roster.getByRole('status')).toContainText(`${name} добавлен(а).`);
    await expect(roster.getByLabel('ФИО').first()).toBeFocused();
    await expect(roster.getByLabel('ФИО').first()).toHaveValue('');
  };
  // A name or a sex missing is said in Russian and nothing is added.
  await roster.getByRole('button', { name: 'Добавить участника' }).click();
  await expect(roster.getByText('Введите ФИО участника.')).toBeVisible();
  await expect(roster.getByText('Выберите: женщина или мужчина.')).toBeVisible();
  for (const person of ROSTER.slice(0, 6)) await add(person);
  await roster.getByLabel('Организация').first().fill('Мэрия г. Кербен');
  await add(ROSTER[6]);
  // The organisation just typed is offered for the next person.
  await expect(roster.getByRole('button', { name: 'Мэрия г. Кербен' })).toBeVisible();

  // Reload half-way: everyone listed so far is kept, and a half-typed name too.
  await roster.getByLabel('ФИО').first().fill('Осмонов Т');
  await expect(page.getByText('Сохранено на телефоне')).toBeVisible();
  await page.waitForTimeout(500);
  await page.reload();
  await expect(
    roster.getByRole('list', { name: 'Список участников' }).getByRole('listitem'),
  ).toHaveCount(7);
  await expect(roster.getByLabel('ФИО').first()).toHaveValue('Осмонов Т');

  for (const person of ROSTER.slice(7)) await add(person);
  // The same name twice in one training gets a warning.
  await roster.getByLabel('ФИО').first().fill('Касымов  Эрлан');
  await expect(roster.getByRole('alert')).toContainText('Уже есть в этом списке: Касымов Эрлан');
  await roster.getByLabel('ФИО').first().fill('');

  // A phone's thumb reaches everything, and nothing scrolls sideways.
  await expectPhoneFriendly(page, 'main');
  const totals = page.getByRole('region', { name: 'Итоги' });
  await expect(totals.locator('dt:text-is("Всего участников") + dd')).toHaveText('12');
  await expect(totals.locator('dt:text-is("Женщины") + dd')).toHaveText('7');
  await expect(totals.locator('dt:text-is("Мужчины") + dd')).toHaveText('5');
  await expect(totals.locator('dt:text-is("Доля женщин") + dd')).toHaveText(/^58/);
  await expect(totals.getByRole('row', { name: /Депутат местного кенеша/ })).toHaveText(
    /Депутат местного кенеша\s*2\s*1/,
  );

  // Printed sheets: blank for signatures, and the roster as recorded.
  await page.getByRole('link', { name: 'Бланк листа регистрации' }).click();
  const sheet = page.getByRole('article', { name: 'ЛИСТ РЕГИСТРАЦИИ участников обучения' });
  await expect(sheet.getByText(VENUE)).toBeVisible();
  await expect(sheet.locator('table.training-sheet').getByRole('row')).toHaveCount(26);
  await page.getByLabel('Лист', { exact: true }).selectOption({ label: 'Заполненный список' });
  await expect(sheet.getByRole('row', { name: /Асанова Гульнара/ })).toBeVisible();
  await page.getByLabel('Язык листа').selectOption('ky');
  await expect(
    page.getByRole('article', { name: 'Окутуунун катышуучуларын КАТТОО БАРАКЧАСЫ' }),
  ).toBeVisible();
  await page.getByRole('link', { name: '← К обучению' }).click();

  // The roster as CSV, Cyrillic intact.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать список (CSV)' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  // One byte-order mark, so Excel reads UTF-8; a second would sit in the first heading.
  expect(csv.startsWith(BOM)).toBe(true);
  expect(csv.startsWith(BOM + BOM)).toBe(false);
  const rows = parseCsv(csv.slice(BOM.length));
  expect(rows).toHaveLength(13);
  expect(rows.flat()).toContain('Абдыкадырова Мээрим');

  await page.getByRole('button', { name: 'Отметить как проведённое' }).click();
  await expect(page.getByText('Проведено', { exact: true })).toBeVisible();
  await expect(page.getByText('Сохранено на телефоне')).toBeVisible();

  // Online: the training reaches the server with its roster.
  await context.setOffline(false);
  await page.goto('/sync');
  await expect(page.getByTestId('pending-count')).toHaveText('Нет изменений, ждущих отправки');
  const onServer = (await serverRecords(request)).find(
    (r) => r.type === 'training' && r.body.venue === VENUE,
  );
  expect(onServer?.body).toMatchObject({ status: 'held', moduleCodes: ['methodology'] });
  const { participants } = (onServer?.body.attendance ?? { participants: [] }) as {
    participants: { sex: string }[];
  };
  expect(participants).toHaveLength(12);
  expect(participants.filter((p) => p.sex === 'female')).toHaveLength(7);

  // The work plan's first indicator counts Kerben as a town with trained representatives.
  await page.goto('/dashboard');
  const plan = page.getByRole('region', { name: 'Рабочий план' });
  const towns = plan
    .getByRole('listitem')
    .filter({ hasText: 'Обучены представители Кочкор-Аты, Шамалды-Сая и Кербена' });
  await towns.getByRole('link', { name: /^\d+ из \d+$/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Кербен' })).toBeVisible();

  // And the trainings' own totals say so.
  await page.goto('/trainings/totals');
  const trainedTowns = page.getByRole('region', { name: 'Города, представители которых обучены' });
  await expect(trainedTowns.getByRole('listitem').filter({ hasText: 'Кербен' })).toContainText(
    'Обучены',
  );

  // A second training: someone from the first is recognised (suggested, never merged
  // silently), and a quick count stands in where names were not taken.
  await context.setOffline(true);
  await page.goto('/trainings/new');
  await page.getByLabel('Муниципалитет').selectOption({ label: 'Кербен' });
  await page.getByRole('button', { name: 'Создать обучение' }).click();
  await page
    .getByRole('region', { name: 'Сведения об обучении' })
    .getByLabel('Место проведения')
    .fill(`${VENUE} 2`);
  const second = page.getByRole('region', { name: /^Список участников/ });
  await second.getByLabel('ФИО').fill('Асанова Гуль');
  await second
    .getByRole('button', { name: 'Тот же человек, что и Асанова Гульнара с прошлых обучений' })
    .click();
  await expect(second.getByText('Найден(а) среди участников прошлых обучений.')).toBeVisible();
  await expect(second.getByLabel('ФИО')).toHaveValue('Асанова Гульнара');
  await expect(second.getByLabel('Должность')).toHaveValue('council-deputy');
  await expect(second.getByRole('radio', { name: 'Женщина' })).toBeChecked();
  await second.getByRole('button', { name: 'Добавить участника' }).click();
  await expect(second.getByRole('status')).toContainText('Асанова Гульнара добавлен(а).');
  await page.getByRole('button', { name: 'Быстрый подсчёт' }).click();
  await expect(page.getByText(/^Участники внесены по именам/)).toBeVisible();
  await expect(page.getByText('Сохранено на телефоне')).toBeVisible();
  await context.setOffline(false);
  await page.goto('/sync');
  await expect(page.getByTestId('pending-count')).toHaveText('Нет изменений, ждущих отправки');
  const records = await serverRecords(request);
  const first = records.find((r) => r.type === 'training' && r.body.venue === VENUE);
  const again = records.find((r) => r.type === 'training' && r.body.venue === `${VENUE} 2`);
  const personOf = (r: typeof first) =>
    (
      (r?.body.attendance ?? { participants: [] }) as {
        participants: { id: string; name: string; personId?: string }[];
      }
    ).participants;
  const original = personOf(first).find((p) => p.name === 'Асанова Гульнара');
  expect(personOf(again)).toEqual([
    expect.objectContaining({ name: 'Асанова Гульнара', personId: original?.id }),
  ]);
});

test('roster entry from the keyboard: the name is ready on open, Enter adds from any field, the cursor comes back', async ({
  page,
}) => {
  await signIn(page, 'bakyt', 'en');
  await page.goto('/trainings/new');
  const municipality = page.getByLabel('Municipality');
  await expect(municipality.locator('option').nth(1)).toBeAttached();
  await municipality.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Create the training' }).click();

  const roster = page.getByRole('region', { name: /^Roster/ });
  const name = roster.getByLabel('Full name');
  await expect(name).toBeFocused();
  // The Add button is on the first screen, above the bottom bar, without scrolling.
  const add = roster.getByRole('button', { name: 'Add participant' });
  const bar = await page.locator('nav.nav').boundingBox();
  const addBox = await add.boundingBox();
  expect(addBox && bar && addBox.y >= 0 && addBox.y + addBox.height <= bar.y).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // Enter on the position picker adds the person (it does not open the picker).
  const position = roster.getByLabel('Position');
  await expect(position.locator('option').nth(1)).toBeAttached();
  await name.pressSequentially('Asanova Gulnara', { delay: 40 });
  await roster.getByRole('radio', { name: 'Woman', exact: true }).check();
  await position.selectOption({ index: 1 });
  await position.press('Enter');
  await expect(roster.getByRole('status')).toContainText('Asanova Gulnara added. 1 on the list.');
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('');

  // Enter on a sex choice adds too.
  await name.pressSequentially('Osmonov Talant', { delay: 40 });
  await roster.getByRole('radio', { name: 'Man', exact: true }).check();
  await roster.getByRole('radio', { name: 'Man', exact: true }).press('Enter');
  await expect(roster.getByRole('status')).toContainText('Osmonov Talant added. 2 on the list.');
  await expect(name).toBeFocused();

  // The keyboard alone: name, Tab to the sex, Space, Enter.
  await name.pressSequentially('Sadykova Nurgul', { delay: 40 });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(roster.getByRole('status')).toContainText('Sadykova Nurgul added. 3 on the list.');
  await expect(name).toBeFocused();

  // Tapping Add while typing the name: the cursor never leaves it (the keyboard stays up).
  await roster.getByRole('radio', { name: 'Man', exact: true }).check();
  await name.click();
  await name.pressSequentially('Kasymov Erlan', { delay: 40 });
  await name.evaluate((input) => {
    const w = window as unknown as { nameBlurs: number };
    w.nameBlurs = 0;
    input.addEventListener('blur', () => {
      w.nameBlurs += 1;
    });
  });
  await add.click();
  await expect(roster.getByRole('status')).toContainText('Kasymov Erlan added. 4 on the list.');
  await expect(name).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { nameBlurs: number }).nameBlurs)).toBe(0);
  await expect(
    roster.getByRole('list', { name: 'Participants listed' }).getByRole('listitem'),
  ).toHaveCount(4);
  // The position stays for the next person (people come in groups).
  await expect(position).not.toHaveValue('');
});

test('"Mark as held" problems lead to their fields, and Home lists trainings still to mark as held', async ({
  page,
}) => {
  await signIn(page, 'bakyt', 'en');
  await page.goto('/trainings/new');
  const municipality = page.getByLabel('Municipality');
  await expect(municipality.locator('option').nth(1)).toBeAttached();
  await municipality.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Create the training' }).click();
  const name = page.getByRole('region', { name: /^Roster/ }).getByLabel('Full name');
  await expect(name).toBeFocused();

  // Nobody recorded and the first day tomorrow: two problems, each a link to its field.
  const session = page.getByRole('region', { name: 'Session' });
  const firstDay = session.getByLabel('First day');
  const tomorrow = new Date(`${await firstDay.inputValue()}T12:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  await firstDay.fill(tomorrow.toISOString().slice(0, 10));
  await page.getByRole('button', { name: 'Mark as held' }).click();
  const problems = page.getByRole('alert');
  await problems
    .getByRole('link', {
      name: 'The training has not started yet: its first day is in the future.',
    })
    .click();
  await expect(firstDay).toBeFocused();
  await problems
    .getByRole('link', { name: 'Record who attended (names or a quick count) first.' })
    .click();
  await expect(name).toBeFocused();

  // Back to today: Home offers the planned training whose day has come.
  await firstDay.fill(new Date(tomorrow.getTime() - 86_400_000).toISOString().slice(0, 10));
  await expect(page.getByText('Saved on this phone')).toBeVisible();
  await page.goto('/');
  await page.getByRole('link', { name: /^Trainings to mark as held:\s\d+$/ }).click();
  await expect(page).toHaveURL(/\/trainings\?status=planned$/);
  await expect(page.getByRole('button', { name: 'Filter (1)' })).toBeVisible();
});
