import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';
import { chooseMenu } from './support/menu';

async function approve(page: Page): Promise<void> {
  const dialog = page.getByTestId('approval-dialog');
  await page.getByRole('button', { name: 'Submit…' }).click();
  await dialog.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.getByTestId('version-status')).toHaveText('Submitted');
  await page.getByRole('button', { name: 'Approve…' }).click();
  await dialog.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('version-status')).toHaveText('Approved');
}

test('an approved version exports to Excel with its stamp and to CSV for an ERP; Verify accepts the file', async ({ page, host }) => {
  await page.goto(host.url);
  await approve(page);
  await chooseMenu(page, 'file.export');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByLabel('File name')).toHaveValue('Harbor Instruments — FY2027 Budget - Budget FY2027');
  await dialog.getByLabel('File name').fill('FY2027 approved');
  await dialog.getByLabel('The audit trail').check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const done = dialog.getByTestId('export-done');
  await expect(done).toContainText('FY2027 approved.xlsx');
  await expect(done).toContainText(/Approval stamp \(SHA-256\): [0-9a-f]{64}/);
  await saveScreenshot(page, 'export-done');

  // The browser's download is the same file, and Excel's reader sees the cover and the budget.
  const downloading = page.waitForEvent('download');
  await done.getByRole('link', { name: /Download/ }).click();
  const downloaded = await (await downloading).path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(downloaded);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Cover', 'Budget FY2027', 'KPIs', 'Proposals', 'Audit trail']);
  const saved = await readFile(join(host.dataDir, 'workbooks', 'Exports', 'FY2027 approved.xlsx'));
  expect(Buffer.compare(saved, await readFile(downloaded))).toBe(0);

  // CSV with semicolons and decimal commas, for an ERP in a comma-decimal country.
  await dialog.getByLabel('CSV (.csv) for an ERP or accounting import').check();
  await dialog.getByRole('combobox').first().selectOption(';');
  await dialog.getByRole('combobox').nth(1).selectOption(',');
  await dialog.getByRole('button', { name: 'Export again' }).click();
  await expect(done).toContainText('FY2027 approved.csv');
  const csv = await readFile(join(host.dataDir, 'workbooks', 'Exports', 'FY2027 approved.csv'), 'utf8');
  expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Department;Account code;Account;Line;Period;Amount');
  expect(csv).toMatch(/;2027-01;\d+(,\d+)?\r\n/);
  await dialog.getByRole('button', { name: 'Verify a file…' }).click();
  const verify = page.getByTestId('verify-dialog');
  await verify.getByLabel('File to verify').fill('FY2027 approved.xlsx');
  await verify.getByRole('button', { name: 'Verify' }).click();
  await expect(verify.getByTestId('verify-result')).toContainText('Verified. This is the approved “Budget FY2027”');
  await expect(verify.getByTestId('verify-result')).toContainText('approved by Ana Controller');
  await verify.getByLabel('File to verify').fill('FY2027 approved.csv');
  await verify.getByRole('button', { name: 'Verify' }).click();
  await expect(verify.getByTestId('verify-result')).toContainText('Verified.');
});

test('a draft exports without a stamp, and Verify says why such a file is not verified', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('budget-grid')).toBeVisible();
  await page.keyboard.press('Control+Shift+X');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toContainText('Only an approved version’s export carries an approval stamp');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('export-done')).toContainText('.xlsx');
  await expect(dialog.getByTestId('export-done')).not.toContainText('SHA-256');
  await dialog.getByRole('button', { name: 'Verify a file…' }).click();
  const verify = page.getByTestId('verify-dialog');
  await verify.getByLabel('File to verify').fill('Harbor Instruments — FY2027 Budget - Budget FY2027.xlsx');
  await verify.getByRole('button', { name: 'Verify' }).click();
  await expect(verify.getByTestId('verify-result')).toContainText('Not verified. The file carries no Tandem approval stamp');
});
