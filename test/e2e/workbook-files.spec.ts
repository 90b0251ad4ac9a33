import { expect, test } from './support/sheet-test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveScreenshot } from './support/screenshots';
import { chooseMenu } from './support/menu';

test('opening a file that is not a workbook says why, keeps the sheet open and leaves the file alone', async ({ page, host }) => {
  const notAWorkbook = join(host.dataDir, 'workbooks', 'Quarterly notes.tandem');
  writeFileSync(notAWorkbook, 'Department,Amount\nSales,100\n');
  await page.goto(host.url);
  await expect(page.getByTestId('workbook-name')).toHaveText('Harbor Instruments — FY2027 Budget');

  await page.keyboard.press('Control+o');
  const dialog = page.getByTestId('open-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: /Quarterly notes/ }).click();

  const error = page.getByTestId('notice-error');
  await expect(error).toContainText('is not a Tandem workbook (it is not a SQLite database file)');
  await expect(error).toContainText(notAWorkbook);
  await expect(page.getByTestId('workbook-name')).toHaveText('Harbor Instruments — FY2027 Budget');
  expect(readFileSync(notAWorkbook, 'utf8')).toBe('Department,Amount\nSales,100\n');
  await saveScreenshot(page, 'open-not-a-workbook');
});

test('a new workbook starts empty and says what to do next; save as continues in a copy', async ({ page, host }) => {
  await page.goto(host.url);
  await chooseMenu(page, 'file.new');
  const dialog = page.getByTestId('new-dialog');
  await dialog.getByLabel('Name').fill('Operations FY2027');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByTestId('workbook-name')).toHaveText('Operations FY2027');
  await expect(page.getByTestId('status-bar')).toContainText(join(host.dataDir, 'workbooks', 'Operations FY2027.tandem'));
  await expect(page.getByTestId('status-bar')).toContainText('0 lines');
  await expect(page.getByTestId('empty-sheet')).toContainText('Add line');
  await saveScreenshot(page, 'new-workbook');

  await page.keyboard.press('Control+Shift+S');
  const saveAs = page.getByTestId('save-as-dialog');
  await saveAs.getByLabel('File name or path').fill('Operations copy');
  await saveAs.getByRole('button', { name: 'Save copy' }).click();
  await expect(page.getByTestId('status-bar')).toContainText(join(host.dataDir, 'workbooks', 'Operations copy.tandem'));
});
