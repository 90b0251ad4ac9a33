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

test('Tandem’s own New and Save as dialogs ask before replacing a file, and replace it only when the user agrees', async ({ page, host }) => {
  const workbooks = join(host.dataDir, 'workbooks');
  const oldNotes = join(workbooks, 'Old plan.tandem');
  writeFileSync(oldNotes, 'last year’s plan, kept by hand');
  await page.goto(host.url);
  const newWorkbook = async (name: string) => {
    await chooseMenu(page, 'file.new');
    await page.getByTestId('new-dialog').getByLabel('Name').fill(name);
    await page.getByTestId('new-dialog').getByRole('button', { name: 'Create' }).click();
  };
  await newWorkbook('Operations FY2027');
  await expect(page.getByTestId('workbook-name')).toHaveText('Operations FY2027');
  const operations = join(workbooks, 'Operations FY2027.tandem');
  const first = readFileSync(operations);

  // The same name again: asked, and Cancel keeps the file and the New dialog.
  await newWorkbook('Operations FY2027');
  const confirm = page.getByTestId('replace-file-dialog');
  await expect(confirm.getByRole('heading')).toHaveText('“Operations FY2027.tandem” already exists. Replace it?');
  await expect(confirm).toContainText(`It is in ${workbooks}.`);
  await saveScreenshot(page, 'replace-file-on-new');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('new-dialog')).toBeVisible();
  expect(readFileSync(operations).equals(first)).toBe(true);

  await page.getByTestId('new-dialog').getByRole('button', { name: 'Create' }).click();
  await confirm.getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByTestId('new-dialog')).toHaveCount(0);
  await expect(page.getByTestId('workbook-name')).toHaveText('Operations FY2027');
  expect(readFileSync(operations).equals(first)).toBe(false);

  // Save as over a file, in the dark theme: asked the same, then the copy takes its place.
  await chooseMenu(page, 'view.dark');
  await page.keyboard.press('Control+Shift+S');
  const saveAs = page.getByTestId('save-as-dialog');
  await saveAs.getByLabel('File name or path').fill('Old plan');
  await saveAs.getByRole('button', { name: 'Save copy' }).click();
  await expect(confirm.getByRole('heading')).toHaveText('“Old plan.tandem” already exists. Replace it?');
  await saveScreenshot(page, 'replace-file-on-save-as-dark');
  expect(readFileSync(oldNotes, 'utf8')).toBe('last year’s plan, kept by hand');
  await confirm.getByRole('button', { name: 'Replace' }).click();
  await expect(saveAs).toHaveCount(0);
  await expect(page.getByTestId('status-bar')).toContainText(oldNotes);
  expect(readFileSync(oldNotes).subarray(0, 15).toString()).toBe('SQLite format 3');
  await expect(page.getByTestId('notice-error')).toHaveCount(0);
});
