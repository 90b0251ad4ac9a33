import { expect, test, cell, cents, rowIdOf, type Page } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';

async function monthTexts(page: Page, rowId: string): Promise<string[]> {
  const texts: string[] = [];
  for (let period = 0; period < 12; period += 1) {
    await cell(page, rowId, `p${period}`).scrollIntoViewIfNeeded();
    texts.push(await cell(page, rowId, `p${period}`).innerText());
  }
  return texts;
}

test('typing a full-year amount spreads it over the months in the line’s shape, to the cent', async ({ page, host }) => {
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

test('the Spread dialog splits an amount evenly, with the leftover cents in the first months', async ({ page, host }) => {
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
