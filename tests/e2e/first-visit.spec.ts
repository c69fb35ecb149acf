import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.ts';

const root = path.resolve(import.meta.dirname, '../..');

const LOADING = { ru: 'Загрузка…', ky: 'Жүктөлүүдө…', en: 'Loading…' } as const;

test.describe('the start-up screen in index.html', () => {
  test('is in the served page, in all three languages, and allowed by the CSP', async ({
    request,
  }) => {
    const response = await request.get('/');
    const html = await response.text();
    expect(html).toContain('<span class="header__brand" data-boot="appName">SEDP Field</span>');
    for (const text of Object.values(LOADING)) expect(html).toContain(text);
    // The inline script that picks the language is allowed by its hash, nothing else inline.
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+';/);
    expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+';/);
  });

  test("runs and is styled under the page's CSP", async ({ page }) => {
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.goto('/login?lng=en');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    // The inline stylesheet applies: the header wears the brand colour.
    await expect(page.getByRole('banner')).toHaveCSS('background-color', 'rgb(15, 106, 79)');
    expect(refused).toEqual([]);
  });

  // The app's code has not arrived yet (a slow connection): the screen is all there is.
  const withoutAppCode = async (page: import('@playwright/test').Page) => {
    await page.route(/\/assets\/index-[\w-]+\.js$/, (route) => route.abort());
  };

  test('speaks the language asked for in the address', async ({ page }) => {
    await withoutAppCode(page);
    await page.goto('/login?lng=ky');
    await expect(page.getByRole('status')).toHaveText(LOADING.ky);
    await expect(page.getByRole('banner')).toHaveText('SEDP Field');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
  });

  test('speaks the language chosen on this device before', async ({ page }) => {
    await page.goto('/login?lng=en');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await withoutAppCode(page);
    await page.goto('/');
    await expect(page.getByRole('status')).toHaveText(LOADING.en);
  });

  test.describe('on a phone set to Kyrgyz', () => {
    test.use({ locale: 'ky-KG' });
    test('speaks Kyrgyz, and so does the app after it', async ({ page }) => {
      await withoutAppCode(page);
      await page.goto('/');
      await expect(page.getByRole('status')).toHaveText(LOADING.ky);
      await page.unrouteAll();
      await page.reload();
      await expect(page).toHaveURL(/\/login$/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
      await expect(page.getByRole('heading', { level: 1, name: 'Кирүү' })).toBeVisible();
    });
  });
});

test.describe('sign-in on a server with no account yet', () => {
  let server: ChildProcess | undefined;
  let url = '';
  let workDir = '';

  test.beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'sedp-e2e-empty-'));
    server = spawn(
      process.execPath,
      ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'server/main.ts'],
      {
        cwd: root,
        env: {
          ...process.env,
          PORT: '0',
          HOST: '127.0.0.1',
          SEDP_DATA_DIR: path.join(workDir, 'data'),
          SEDP_STATIC_DIR: process.env.SEDP_E2E_STATIC_DIR,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const started = server;
    url = await new Promise<string>((resolve, reject) => {
      let output = '';
      started.stdout?.on('data', (chunk: Buffer) => {
        output += chunk;
        const match = /running at (http:\/\/\S+?)\/?\s/.exec(output);
        if (match?.[1]) resolve(match[1].replace('localhost', '127.0.0.1'));
      });
      started.once('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
    });
  });

  test.afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(workDir, { recursive: true, force: true });
  });

  const WORDS = {
    en: {
      note: 'An administrator must create your account',
      admin: 'For the administrator',
      submit: 'Sign in',
    },
    ru: {
      note: 'Администратор должен создать вашу учётную запись',
      admin: 'Для администратора',
      submit: 'Войти',
    },
    ky: {
      note: 'Администратор сиздин каттоо эсебиңизди түзүп',
      admin: 'Администратор үчүн',
      submit: 'Кирүү',
    },
  } as const;

  for (const [language, words] of Object.entries(WORDS)) {
    test(`fits a 360 px phone and keeps the command folded (${language})`, async ({ page }) => {
      await page.goto(`${url}/login?lng=${language}`);
      const note = page.getByRole('note');
      await expect(note).toContainText(words.note);
      const command = page.getByText('npm run users -- add admin --role admin');
      await expect(command).toBeHidden();
      const widest = () => page.evaluate(() => document.documentElement.scrollWidth);
      expect(await widest()).toBeLessThanOrEqual(360);
      for (const control of [
        page.getByRole('textbox').first(),
        page.getByRole('button', { name: words.submit, exact: true }),
        note,
      ]) {
        const box = await control.boundingBox();
        expect(box && box.x + box.width).toBeLessThanOrEqual(360);
      }

      await note.getByText(words.admin).click();
      await expect(command).toBeVisible();
      expect(await widest()).toBeLessThanOrEqual(360);
    });
  }
});
