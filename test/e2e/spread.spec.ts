import { expect, test, type Locator, type Page } from '@playwright/test';
import { removeDataDir, startHost, type RunningHost } from './support/browser-host';
import { saveScreenshot } from './support/screenshots';

let host: RunningHost;

test.beforeEach(async () => {
  host = await startHost();
});

test.afterEach(async () => {
  await host.stop();
  removeDataDir(host.dataDir);
});

async function rowIdOf(page: Page, description: string): Promise<string> {
  const id = await page.locator('.ag-row:not(.ag-row-pinned)').filter({ hasText: description }).first().getAttribute('row-id');
  if (id === null) throw new Error(`No row for ${description}`);
  return id;
}

function cell(page: Page, rowId: string, colId: string): Locator {
  return page.locator(`.ag-row:not(.ag-row-pinned)[row-id="${rowId}"] [col-id="${colId}"]`);
}

async function monthTexts(page: Page, rowId: string): Promise<string[]> {
  const texts: string[] = [];
  for (let period = 0; period < 12; period += 1) {
    await cell(page, rowId, `p${period}`).scrollIntoViewIfNeeded();
    texts.push(await cell(page, rowId, `p${period}`).innerText());
  }
  return texts;
}

const cents = (text: string) => (text === '' || text === '–' ? 0n : BigInt(text.replace(/[,.]/g, '')));

test('typing a full-year amount spreads it over the months in the line’s shape, to the cent', async ({ page }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Customer visits');
  await cell(page, rowId, 'year').click();
  await page.keyboard.type('100,000');
  await page.keyboard.press('Enter');
  await expect(cell(page, rowId, 'year')).toHaveText('100,000.00');
  await expect(page.getByTestId('notice-info')).toContainText('Spread 100,000.00 over 12 months in the shape of its current months');
  const months = await monthTexts(page, rowId);
  expect(months.reduce((sum, text) => sum + cents(text), 0n)).toBe(10_000_000n);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await page.reload();
  await expect(cell(page, rowId, 'year')).toHaveText('100,000.00');
});

test('the Spread dialog splits an amount evenly, with the leftover cents in the first months', async ({ page }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'CRM licences');
  await cell(page, rowId, 'p0').click();
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByTestId('spread-dialog');
  await dialog.getByLabel('Full-year amount').fill('1000');
  await dialog.getByLabel('Evenly over the months').check();
  await saveScreenshot(page, 'spread-dialog');
  await dialog.getByRole('button', { name: 'Spread' }).click();
  await expect(cell(page, rowId, 'year')).toHaveText('1,000.00');
  expect(await monthTexts(page, rowId)).toEqual(['83.34', '83.34', '83.34', '83.34', '83.33', '83.33', '83.33', '83.33', '83.33', '83.33', '83.33', '83.33']);
  await page.keyboard.press('Control+z');
  await expect(cell(page, rowId, 'year')).toHaveText('70,530.00');
});
