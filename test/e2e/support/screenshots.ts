import type { Page } from '@playwright/test';
import { join } from 'node:path';

/** Where e2e screenshots go (named in the README): look at them after a run. */
export const SCREENSHOT_FOLDER = join(__dirname, '..', '..', '..', 'test-results', 'screenshots');

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_FOLDER, `${name}.png`), fullPage: false });
}
