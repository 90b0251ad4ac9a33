import { expect, test, cell, cents, formatCents, rowIdOf, totalCell } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';
import { chooseMenu } from './support/menu';

test('first run opens the sample workbook with formatted, right-aligned amounts', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('workbook-name')).toHaveText('Harbor Instruments — FY2027 Budget');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  const rowId = await rowIdOf(page, 'Sensor kits — North America');
  const january = cell(page, rowId, 'p0');
  await expect(january).toHaveText(/^\d{1,3}(,\d{3})*\.\d{2}$/);
  const align = await january.evaluate((element) => getComputedStyle(element).textAlign);
  expect(align).toBe('right');
  const figures = await january.evaluate((element) => getComputedStyle(element).fontVariantNumeric);
  expect(figures).toContain('tabular-nums');
  await saveScreenshot(page, 'sample-workbook');
});

test('typing into a cell updates the line total and the column totals, and survives a reload', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Customer visits');
  const january = cell(page, rowId, 'p0');
  const yearBefore = await cell(page, rowId, 'year').innerText();
  const opexBefore = await totalCell(page, 'total-opex', 'p0').innerText();
  const valueBefore = await january.innerText();

  await january.click();
  await page.keyboard.type('1,250.50');
  await page.keyboard.press('Enter');

  await expect(january).toHaveText('1,250.50');
  const delta = cents('1,250.50') - cents(valueBefore);
  await expect(cell(page, rowId, 'year')).toHaveText(formatCents(cents(yearBefore) + delta));
  await expect(totalCell(page, 'total-opex', 'p0')).toHaveText(formatCents(cents(opexBefore) + delta));
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  // After Enter the cursor moved down, as in Excel: the next line's January takes the next entry.
  const nextRowId = String(Number(rowId) + 1);
  await page.keyboard.type('(300)');
  await page.keyboard.press('Enter');
  await expect(cell(page, nextRowId, 'p0')).toHaveText('(300.00)');
  await expect(cell(page, nextRowId, 'p0')).toHaveClass(/amount-negative/);
  await saveScreenshot(page, 'after-edit');

  await page.reload();
  await expect(cell(page, rowId, 'p0')).toHaveText('1,250.50');
  await expect(cell(page, rowId, 'year')).toHaveText(formatCents(cents(yearBefore) + delta));
});

test('a non-numeric entry is refused with a message naming the cell, and nothing changes', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Utilities');
  const march = cell(page, rowId, 'p2');
  const before = await march.innerText();
  await march.click();
  await page.keyboard.type('twelve');
  await page.keyboard.press('Enter');
  const error = page.getByTestId('notice-error');
  await expect(error).toContainText('"twelve" is not an amount');
  await expect(error).toContainText('Utilities, Mar 2027');
  await expect(march).toHaveText(before);
  await saveScreenshot(page, 'bad-entry');
  await page.reload();
  // After a reload the sheet is at its top again: find the line anew.
  await expect(cell(page, await rowIdOf(page, 'Utilities'), 'p2')).toHaveText(before);
});

test('add a line, fill it, delete it', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Add line' }).click();
  const dialog = page.getByTestId('add-line-dialog');
  await dialog.getByLabel('Department').selectOption({ label: 'R&D' });
  await dialog.getByLabel('Account').selectOption({ label: '6200 Travel (Operating expenses)' });
  await dialog.getByLabel('Description').fill('Prototype field trials');
  await saveScreenshot(page, 'add-line-dialog');
  await dialog.getByRole('button', { name: 'Add line' }).click();

  const rowId = await rowIdOf(page, 'Prototype field trials');
  // The cursor waits on the new line's first month: typing fills it.
  await expect(cell(page, rowId, 'p0')).toHaveClass(/ag-cell-focus/);
  await page.keyboard.type('3k');
  await page.keyboard.press('Enter');
  await expect(cell(page, rowId, 'year')).toHaveText('3,000.00');

  await cell(page, rowId, 'p0').click();
  await chooseMenu(page, 'data.delete-line');
  const confirm = page.getByTestId('delete-line-dialog');
  await expect(confirm).toContainText('Prototype field trials');
  await expect(confirm).toContainText('amounts in 1 month');
  await confirm.getByRole('button', { name: 'Delete line' }).click();
  await expect(page.locator('.ag-row').filter({ hasText: 'Prototype field trials' })).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.ag-row').filter({ hasText: 'Sensor kits — North America' }).first()).toBeVisible();
  await expect(page.locator('.ag-row').filter({ hasText: 'Prototype field trials' })).toHaveCount(0);
});

