import { expect, midWordBreaks, signIn, test } from './fixtures.ts';

/** On a 360 px phone, long Kyrgyz and Russian words wrap only where a hyphen shows. */
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
});
