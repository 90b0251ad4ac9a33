import { expect, test, cents, formatCents, groupRow } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';
import { chooseMenu } from './support/menu';

test('lines are grouped by department with exact subtotals; a group collapses and the grouping can change', async ({ page, host }) => {
  await page.goto(host.url);
  const revenue = groupRow(page, 'g:d1:revenue');
  await expect(revenue).toContainText('Revenue');
  await expect(revenue).toContainText('5 lines');
  // The Sales revenue subtotal for January is the sum of its five lines.
  const lineCells = page.locator('.ag-row:not(.ag-row-pinned)').filter({ hasText: '4000 Product revenue' }).locator('[col-id="p0"]');
  const serviceCells = page.locator('.ag-row:not(.ag-row-pinned)').filter({ hasText: '4100 Service revenue' }).locator('[col-id="p0"]');
  const texts = [...(await lineCells.allInnerTexts()), ...(await serviceCells.allInnerTexts())];
  expect(texts).toHaveLength(5);
  await expect(revenue.locator('[col-id="p0"]')).toHaveText(formatCents(texts.reduce((sum, text) => sum + cents(text), 0n)));
  await saveScreenshot(page, 'grouped-by-department');

  // Collapse Sales: its lines go, its subtotal stays.
  await groupRow(page, 'g:d1').locator('.group-label').click();
  await expect(page.locator('.ag-row').filter({ hasText: 'Sensor kits — North America' })).toHaveCount(0);
  await expect(groupRow(page, 'g:d1')).toContainText('▸');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ag-row').filter({ hasText: 'Sensor kits — North America' })).toHaveCount(1);

  await chooseMenu(page, 'view.group-account');
  await expect(groupRow(page, 'g:t:revenue')).toContainText('Revenue');
  await expect(page.locator('.ag-row[row-id^="g:a"]').first()).toContainText('4000 Product revenue');
  await saveScreenshot(page, 'grouped-by-account');
});

test('an edit updates the line, its group subtotals and the totals at once', async ({ page, host }) => {
  await page.goto(host.url);
  const row = page.locator('.ag-row:not(.ag-row-pinned)').filter({ hasText: 'Customer visits' }).first();
  const opexGroup = groupRow(page, 'g:d1:opex');
  const before = cents(await opexGroup.locator('[col-id="p0"]').innerText());
  const lineBefore = cents(await row.locator('[col-id="p0"]').innerText());
  await row.locator('[col-id="p0"]').click();
  await page.keyboard.type('10000');
  await page.keyboard.press('Enter');
  const expected = before + 1_000_000n - lineBefore;
  await expect.poll(async () => cents(await opexGroup.locator('[col-id="p0"]').innerText())).toBe(expected);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
});
