import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end journeys in the system Chromium (no browser download), against the
 * production build served by the real server on a free port with a temporary data
 * directory (see tests/e2e/global-setup.ts).
 */
const chromium = {
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    trace: 'retain-on-failure',
    launchOptions: chromium,
  },
  projects: [
    {
      name: 'phone',
      use: {
        ...devices['Pixel 5'],
        viewport: { width: 360, height: 740 },
        // A phone set to Russian, as most in the field are; the app follows the browser's language.
        locale: 'ru-RU',
        launchOptions: chromium,
      },
    },
  ],
});
