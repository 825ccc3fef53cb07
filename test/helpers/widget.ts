import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Opens the support panel on a page that may bring it back open by itself: after a reload or in a
 * second tab its state is restored once the core has loaded, a moment after the launcher shows.
 * Clicks the launcher only while it still offers to open, so it never toggles the panel shut.
 */
export async function openPanel(page: Page, timeout = 15_000): Promise<void> {
  const panel = page.getByRole('dialog', { name: 'Support chat' });
  await expect
    .poll(
      async () => {
        if (await panel.isVisible()) return true;
        await page.getByRole('button', { name: 'Open support chat', exact: true }).click({ timeout: 1000 }).catch(() => undefined);
        return panel.isVisible();
      },
      { timeout, interval: 500 },
    )
    .toBe(true);
}
