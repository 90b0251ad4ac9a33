import { expect, test, cell } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';
import { chooseMenu } from './support/menu';

test('a 24-month budget from July shows quarter and fiscal-year totals; typing a quarter total spreads it over its months', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('workbook-name')).toHaveText('Harbor Instruments — FY2027 Budget');
  await page.keyboard.press('Control+Alt+n');
  const dialog = page.getByTestId('new-dialog');
  await dialog.getByLabel('Name').fill('Fleet plan');
  await dialog.getByLabel('First month').selectOption({ label: 'July' });
  await dialog.getByLabel('Year').fill('2026');
  await dialog.getByLabel('Months').selectOption({ label: '24 months' });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByTestId('workbook-name')).toHaveText('Fleet plan');

  await page.getByTestId('empty-sheet').getByRole('button', { name: 'Add line' }).click();
  const addLine = page.getByTestId('add-line-dialog');
  await addLine.getByLabel('Department').selectOption({ label: 'Operations' });
  await addLine.getByLabel('Account').selectOption({ label: '6600 Rent & facilities (Operating expenses)' });
  await addLine.getByLabel('Description').fill('Depot lease');
  await addLine.getByRole('button', { name: 'Add line' }).click();

  await expect(page.locator('.ag-header-cell[col-id="p0"]')).toContainText('Jul 2026');
  await expect(page.locator('.ag-header-cell[col-id="year"]')).toContainText('Total Jul 2026 – Jun 2028');
  const rowId = await page.locator('.ag-row:not(.ag-row-pinned)').filter({ hasText: 'Depot lease' }).first().getAttribute('row-id');
  if (rowId === null) throw new Error('no line');

  await chooseMenu(page, 'view.quarters');
  await expect(page.locator('.ag-header-cell[col-id="q0-1"]')).toContainText('Q1 FY2026/27');
  await cell(page, rowId, 'q0-1').click();
  await page.keyboard.type('30,000');
  await page.keyboard.press('Enter');
  await expect(cell(page, rowId, 'p0')).toHaveText('10,000.00');
  await expect(cell(page, rowId, 'p2')).toHaveText('10,000.00');
  await expect(cell(page, rowId, 'q0-1')).toHaveText('30,000.00');
  await expect(cell(page, rowId, 'year')).toHaveText('30,000.00');
  await saveScreenshot(page, 'quarters-24-months');

  await chooseMenu(page, 'view.quarters');
  await expect(page.locator('.ag-header-cell[col-id="q0-1"]')).toHaveCount(0);
});
