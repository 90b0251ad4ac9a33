import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cell, expect, rowIdOf, test } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';
import { chooseMenu } from './support/menu';

test('last year’s actuals import through the mapping step: columns guessed, a missing mapping named, all cells in one step', async ({ page, host }) => {
  const months = Array.from({ length: 12 }, (_unused, index) => `2026-${String(index + 1).padStart(2, '0')}`);
  const file = join(host.dataDir, 'ledger export.csv');
  writeFileSync(file, `Cost center;GL account;Description;${months.join(';')}\r\nSales;Travel;Customer visits;${months.map((_month, index) => `${index + 1}.000,25`).join(';')}\r\nSales;6200;Trade shows — travel;${months.map(() => '2.500,00').join(';')}\r\n`);
  await page.goto(host.url);
  await chooseMenu(page, 'file.import');
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByLabel('Import into').selectOption('prior-year');
  await dialog.getByLabel('File to import').setInputFiles(file);
  const mapping = dialog.getByTestId('import-mapping');
  await expect(dialog.getByLabel('Column Cost center is')).toHaveValue('department');
  await expect(dialog.getByLabel('Column GL account is')).toHaveValue('account');
  await expect(dialog.getByLabel('Column 2026-03 is')).toHaveValue('month:2');
  await expect(dialog.getByLabel('Decimal separator')).toHaveValue(',');
  await expect(mapping).toContainText('1.000,25');
  await expect(dialog.getByTestId('import-summary')).toContainText('Ready: 24 cells to set');
  await saveScreenshot(page, 'import-mapping');

  // Without the description, Sales has two travel lines: every row says so, and nothing can be imported.
  await dialog.getByLabel('Column Description is').selectOption('ignore');
  await expect(dialog.getByTestId('import-problems')).toContainText('Row 2 Sales has 2 lines on 6200 Travel: map a Line column to say which.');
  await expect(dialog.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await saveScreenshot(page, 'import-problems');
  await dialog.getByLabel('Column Description is').selectOption('line');
  await dialog.getByRole('button', { name: 'Import 24 cells' }).click();
  await expect(page.getByTestId('notice-info').filter({ hasText: 'Imported ledger export.csv: 24 cells set' })).toBeVisible();

  // Importing the same file again changes nothing.
  await chooseMenu(page, 'file.import');
  await dialog.getByLabel('Import into').selectOption('prior-year');
  await dialog.getByLabel('File to import').setInputFiles(file);
  await expect(dialog.getByTestId('import-summary')).toContainText('Nothing to change: all 24 values already match');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('this year’s actuals import into the plan year month by month, and the import closes the month it fills', async ({ page, host }) => {
  const file = join(host.dataDir, 'october ledger.csv');
  writeFileSync(file, 'Department,Account,Line,Period,Amount\r\nSales,6200,Customer visits,2027-10,4321.09\r\nR&D,6000,Engineering salaries,2027-10,70000\r\n');
  await page.goto(host.url);
  await chooseMenu(page, 'file.import');
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByLabel('Import into').selectOption({ label: 'Actuals FY2027 (actuals)' });
  await dialog.getByLabel('File to import').setInputFiles(file);
  await expect(dialog.getByTestId('import-summary')).toContainText('Ready: 2 cells to set');
  await expect(dialog.getByTestId('import-summary')).toContainText('Importing closes the months through Oct 2027: “actuals through” moves there (it is Sep 2027 now).');
  await saveScreenshot(page, 'import-actuals-into-plan-year');
  await dialog.getByRole('button', { name: 'Import 2 cells' }).click();
  await expect(page.getByTestId('notice-info').filter({ hasText: 'Imported october ledger.csv: 2 cells set' })).toBeVisible();
  await chooseMenu(page, 'data.versions');
  await expect(page.getByTestId('versions-dialog').getByLabel('Actuals through')).toHaveValue('9');
});

test('budget values import from a long CSV; a bad amount is named by row; undo takes the import back', async ({ page, host }) => {
  const file = join(host.dataDir, 'budget update.csv');
  writeFileSync(file, 'Department,Account code,Line,Period,Amount\r\nSales,6200,Customer visits,Jan 2027,"6,100.00"\r\nSales,6200,Customer visits,Feb 2027,lots\r\n');
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Customer visits');
  const january = cell(page, rowId, 'p0');
  const before = await january.innerText();
  await chooseMenu(page, 'file.import');
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByLabel('File to import').setInputFiles(file);
  await expect(dialog.getByTestId('import-problems')).toContainText('Row 3 Column 5: "lots" is not an amount');
  writeFileSync(file, 'Department,Account code,Line,Period,Amount\r\nSales,6200,Customer visits,Jan 2027,"6,100.00"\r\nSales,6200,Customer visits,Feb 2027,(250)\r\n');
  await dialog.getByLabel('File to import').setInputFiles(file);
  await expect(dialog.getByTestId('import-summary')).toContainText('Ready: 2 cells to set');
  await dialog.getByRole('button', { name: 'Import 2 cells' }).click();
  await expect(january).toHaveText('6,100.00');
  await expect(cell(page, rowId, 'p1')).toHaveText('(250.00)');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(january).toHaveText(before);
});

test('a CSV export edited in a spreadsheet (a value changed, two months cleared) imports back exactly: the preview says what is cleared, the next export equals the file, undo brings the months back', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Customer visits');
  const [january, february, march] = [cell(page, rowId, 'p0'), cell(page, rowId, 'p1'), cell(page, rowId, 'p2')];
  const before = [await january.innerText(), await february.innerText()];
  expect(before.every((text) => /\d/.test(text))).toBe(true);

  const exportWide = async (fileName: string): Promise<string> => {
    await chooseMenu(page, 'file.export');
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByLabel('File name').fill(fileName);
    await dialog.getByLabel('CSV (.csv) for an ERP or accounting import').check();
    await dialog.getByText('Wide: one row per line, a column per month').click();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByTestId('export-done')).toContainText(`${fileName}.csv`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    return readFileSync(join(host.dataDir, 'workbooks', 'Exports', `${fileName}.csv`), 'utf8');
  };
  const original = await exportWide('round trip');
  // As a spreadsheet saves it: January and February of Customer visits cleared, March changed.
  const edited = original.replace(/^(Sales,6200,[^,\r\n]*,Customer visits),[^,]*,[^,]*,[^,]*,/m, '$1,,,1234.56,');
  expect(edited).not.toBe(original);
  const file = join(host.dataDir, 'round trip edited.csv');
  writeFileSync(file, edited);

  await chooseMenu(page, 'file.import');
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByLabel('File to import').setInputFiles(file);
  await expect(dialog.getByTestId('import-summary')).toContainText('Ready: 1 cell to set, 2 cells will be cleared (the file leaves them empty)');
  await saveScreenshot(page, 'import-round-trip-clears');
  await dialog.getByRole('button', { name: 'Import 3 cells' }).click();
  await expect(page.getByTestId('notice-info').filter({ hasText: 'Imported round trip edited.csv: 3 cells set (2 of them cleared, as the file leaves them empty).' })).toBeVisible();
  await expect(january).toHaveText('');
  await expect(february).toHaveText('');
  await expect(march).toHaveText('1,234.56');
  expect(await exportWide('round trip again')).toBe(edited);

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(january).toHaveText(before[0] ?? '');
  await expect(february).toHaveText(before[1] ?? '');
});

test('an amount in another currency is refused, typed or imported, naming its symbol and the workbook’s currency; the workbook’s own symbol is taken', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Customer visits');
  const january = cell(page, rowId, 'p0');
  const before = await january.innerText();
  await january.click();
  // £ is not on the test keyboard: Playwright inserts it as text with no key press, so the edit is opened first.
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('£300');
  await page.keyboard.press('Enter');
  const error = page.getByTestId('notice-error');
  await expect(error).toContainText('"£300" is in another currency (£): this workbook counts in USD ($).');
  await expect(january).toHaveText(before);
  await saveScreenshot(page, 'foreign-currency-refused');
  await january.click();
  await page.keyboard.type('$300');
  await page.keyboard.press('Enter');
  await expect(january).toHaveText('300.00');

  const file = join(host.dataDir, 'pounds.csv');
  writeFileSync(file, 'Department,Account code,Line,Period,Amount\r\nSales,6200,Customer visits,Feb 2027,£450\r\n');
  await chooseMenu(page, 'file.import');
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByLabel('File to import').setInputFiles(file);
  await expect(dialog.getByTestId('import-problems')).toContainText('Row 2 Column 5: "£450" is in another currency (£): this workbook counts in USD ($).');
  await expect(dialog.getByRole('button', { name: /^Import/ })).toBeDisabled();
});
