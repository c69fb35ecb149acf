import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/**
 * Runs axe-core on the page as it is and fails on any serious or critical violation. The
 * rule that a control's accessible name contains its visible label (experimental in axe,
 * so off by default) is turned on: speech users say what they see. The page must also
 * have exactly one main heading.
 */
export async function expectAccessible(page: Page, screen: string) {
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes
          .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
          .join('\n')}`,
    );
  expect.soft(serious, `axe on ${screen}`).toEqual([]);
  expect
    .soft(await page.getByRole('heading', { level: 1 }).count(), `main headings on ${screen}`)
    .toBe(1);
}
