import { cell, expect, rowIdOf, test } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';
import { Decimal } from '../../shared/money/decimal';
import { formatAmount } from '../../shared/money/format-amount';
import { chooseMenu } from './support/menu';

test('the version picker switches the sheet between versions; a forecast shows its closed months as read-only actuals', async ({ page, host }) => {
  await page.goto(host.url);
  const picker = page.getByTestId('version-picker');
  await expect(picker).toHaveValue(/\d+/);
  await expect(picker.locator('option:checked')).toHaveText('Budget FY2027 — Budget');
  const rowId = await rowIdOf(page, 'OEM modules');
  const january = cell(page, rowId, 'p0');
  const budgetJanuary = await january.innerText();

  // Alt+V reaches the picker from the keyboard.
  await january.click();
  await page.keyboard.press('Alt+v');
  await expect(picker).toBeFocused();
  await picker.selectOption({ label: 'Q3 forecast — Forecast' });
  await expect(page.locator('.ag-header-cell[col-id="p0"]')).toContainText('Jan 2027 · actual');
  // The late launch shows in January's actuals.
  await expect(cell(page, rowId, 'p0')).not.toHaveText(budgetJanuary);
  await expect(cell(page, rowId, 'p0')).toHaveClass(/actual-month-cell/);
  const closedBefore = await cell(page, rowId, 'p0').innerText();
  await cell(page, rowId, 'p0').click();
  await page.keyboard.type('123');
  await page.keyboard.press('Enter');
  await expect(cell(page, rowId, 'p0')).toHaveText(closedBefore);
  // A planned month takes an entry as usual.
  await cell(page, rowId, 'p0').click();
  for (let step = 0; step < 10; step += 1) await page.keyboard.press('ArrowRight');
  await page.keyboard.type('99000');
  await page.keyboard.press('Enter');
  await expect(cell(page, rowId, 'p10')).toHaveText('99,000.00');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await saveScreenshot(page, 'forecast-with-actual-months');
  await chooseMenu(page, 'view.dark');
  await saveScreenshot(page, 'forecast-with-actual-months-dark');
  await chooseMenu(page, 'view.dark');

  // Back to the budget: it never saw the forecast's edit.
  await picker.selectOption({ label: 'Budget FY2027 — Budget' });
  await expect(page.getByTestId('version-status')).toHaveText('Draft');
  await expect(cell(page, rowId, 'p10')).not.toHaveText('99,000.00');
  await expect(cell(page, rowId, 'p10')).not.toHaveClass(/actual-month-cell/);
});

test('the Versions dialog copies a version, renames it, and deletes it after saying what it holds', async ({ page, host }) => {
  await page.goto(host.url);
  await chooseMenu(page, 'data.versions');
  const dialog = page.getByTestId('versions-dialog');
  await expect(dialog.getByTestId('version-row-Actuals FY2027')).toContainText('Actuals');
  await dialog.getByLabel('New version name').fill('Q3 forecast');
  await expect(dialog.getByRole('alert')).toHaveText('A version named “Q3 forecast” already exists.');
  await dialog.getByLabel('New version name').fill('Stretch');
  await dialog.getByLabel('New version kind').selectOption('scenario');
  await dialog.getByLabel('New version starts as').selectOption({ label: 'A copy of Budget FY2027' });
  await saveScreenshot(page, 'versions-dialog');
  await dialog.getByRole('button', { name: 'Create' }).click();
  // The new version opens.
  await expect(page.getByTestId('version-picker').locator('option:checked')).toHaveText('Stretch — Scenario');
  await expect(dialog.getByTestId('version-row-Stretch')).toContainText('from Budget FY2027');
  await dialog.getByTestId('version-row-Stretch').getByRole('button', { name: 'Rename' }).click();
  await dialog.getByLabel('New name for Stretch').fill('Stretch plan');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByTestId('version-row-Stretch plan')).toBeVisible();
  // The version shown cannot be deleted; another can, after its contents are counted.
  await expect(dialog.getByTestId('version-row-Stretch plan').getByRole('button', { name: 'Delete…' })).toBeDisabled();
  await dialog.getByTestId('version-row-Budget FY2027').getByRole('button', { name: 'Open' }).click();
  await chooseMenu(page, 'data.versions');
  await dialog.getByTestId('version-row-Stretch plan').getByRole('button', { name: 'Delete…' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/Delete “Stretch plan”\? It holds [\d,]+ values on \d+ lines and 3 comments\. Undo brings it back\./);
  await dialog.getByRole('button', { name: 'Delete “Stretch plan”' }).click();
  await expect(dialog.getByTestId('version-row-Stretch plan')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('version-picker').locator('option', { hasText: 'Stretch plan' })).toHaveCount(1);
});

test('a scenario’s revenue is moved by a percentage from the Adjust dialog, exact to the cent, and one undo takes it back', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByTestId('version-picker').selectOption({ label: 'Revenue −10% — Scenario' });
  await expect(page.getByTestId('version-status')).toHaveText('Draft');
  const rowId = await rowIdOf(page, 'OEM modules');
  const january = cell(page, rowId, 'p0');
  const before = await january.innerText();
  await chooseMenu(page, 'data.adjust');
  const dialog = page.getByTestId('scenario-dialog');
  await dialog.getByLabel('Department').selectOption({ label: 'Sales' });
  await dialog.getByLabel('Account').selectOption({ label: '4000 Product revenue' });
  await dialog.getByLabel('To month').selectOption({ label: 'Mar 2027' });
  await dialog.getByRole('textbox', { name: 'Percentage' }).fill('3.5');
  await expect(dialog.getByRole('status')).toContainText('3 lines, Jan 2027 to Mar 2027. Each result is rounded half-even to the cent');
  await saveScreenshot(page, 'scenario-adjust');
  await dialog.getByRole('button', { name: 'Adjust' }).click();
  await expect(page.getByTestId('notice-info').filter({ hasText: 'Adjusted 9 cells' })).toBeVisible();
  const expected = new Decimal(before.replace(/,/g, '')).times('1.035').toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
  await expect(january).toHaveText(formatAmount(expected));
  await page.keyboard.press('Control+z');
  await expect(january).toHaveText(before);
  // Bad input is named and changes nothing.
  await chooseMenu(page, 'data.adjust');
  await dialog.getByLabel('By an amount a month').check();
  await dialog.getByRole('textbox', { name: 'Amount' }).fill('12.345');
  await dialog.getByRole('button', { name: 'Adjust' }).click();
  await expect(page.getByTestId('notice-error').filter({ hasText: '12.345 has more than two decimals' })).toBeVisible();
  await expect(january).toHaveText(before);
});
