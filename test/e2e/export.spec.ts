import ExcelJS from 'exceljs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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

test('copies downloaded from the browser are verified by upload (an XLSX, a CSV with its stamp); tampered copies are refused with the reason', async ({ page, host }, testInfo) => {
  await page.goto(host.url);
  await approve(page);
  await chooseMenu(page, 'file.export');
  const dialog = page.getByTestId('export-dialog');
  const done = dialog.getByTestId('export-done');
  const download = async (link: string | RegExp): Promise<string> => {
    const downloading = page.waitForEvent('download');
    await done.getByRole('link', { name: link }).click();
    const file = await downloading;
    const path = testInfo.outputPath(file.suggestedFilename());
    await file.saveAs(path);
    return path;
  };
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(done).toContainText('.xlsx');
  await expect(dialog.getByTestId('export-stamp')).toContainText('use Verify a file…');
  await expect(dialog.getByTestId('export-stamp')).not.toContainText('npm run');
  const xlsx = await download(/^Download .*\.xlsx$/);

  // A CSV comes with its approval stamp, offered beside it.
  await dialog.getByLabel('CSV (.csv) for an ERP or accounting import').check();
  await dialog.getByRole('button', { name: 'Export again' }).click();
  await expect(done.getByRole('link', { name: /approval stamp/ })).toBeVisible();
  await expect(dialog.getByTestId('export-stamp')).toContainText('give it both files');
  await expect(dialog.getByTestId('export-stamp')).not.toContainText('npm run');
  await saveScreenshot(page, 'export-done-csv-with-stamp');
  const csv = await download(/^Download .*\.csv$/);
  const stamp = await download(/approval stamp/);
  expect(stamp).toMatch(/\.csv\.approval\.json$/);

  await dialog.getByRole('button', { name: 'Verify a file…' }).click();
  const verify = page.getByTestId('verify-dialog');
  const result = verify.getByTestId('verify-result');
  const files = verify.getByLabel('Exported files to check');

  // The XLSX, dropped on the dialog as a file from the desktop would be.
  const dropped = await page.evaluateHandle(
    ({ name, base64 }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(base64), (character) => character.charCodeAt(0))], name));
      return transfer;
    },
    { name: 'budget.xlsx', base64: (await readFile(xlsx)).toString('base64') },
  );
  await verify.getByTestId('verify-drop').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(verify.getByRole('list', { name: 'Chosen files' })).toContainText('budget.xlsx');
  await verify.getByRole('button', { name: 'Verify' }).click();
  await expect(result).toContainText('Verified. This is the approved “Budget FY2027”');

  await files.setInputFiles([csv, stamp]);
  await verify.getByRole('button', { name: 'Verify' }).click();
  await expect(result).toContainText('Verified. This is the approved “Budget FY2027”');
  await expect(result).toContainText('approved by Ana Controller');
  await saveScreenshot(page, 'verify-upload-csv-verified');

  // Copies changed after the export: one amount in the CSV, one byte in the XLSX.
  const text = await readFile(csv, 'utf8');
  const changedCsv = testInfo.outputPath('changed', basename(csv));
  await mkdir(dirname(changedCsv), { recursive: true });
  await writeFile(changedCsv, text.replace(/,2027-01,(\d)/, (_match, digit: string) => `,2027-01,${(Number(digit) + 1) % 10}`));
  expect(await readFile(changedCsv, 'utf8')).not.toBe(text);
  await files.setInputFiles([changedCsv, stamp]);
  await verify.getByRole('button', { name: 'Verify' }).click();
  await expect(result).toContainText('Not verified. The file’s bytes do not match its approval stamp: it was changed after the export.');
  await saveScreenshot(page, 'verify-upload-tampered-refused');

  const bytes = await readFile(xlsx);
  const middle = Math.floor(bytes.length / 2);
  bytes.writeUInt8(bytes.readUInt8(middle) ^ 0x01, middle);
  const changedXlsx = testInfo.outputPath('changed', basename(xlsx));
  await writeFile(changedXlsx, bytes);
  await files.setInputFiles([changedXlsx]);
  await verify.getByRole('button', { name: 'Verify' }).click();
  await expect(result).toContainText('Not verified. The file’s bytes do not match its approval stamp: it was changed after the export.');

  // A CSV alone: the dialog says what else it needs.
  await files.setInputFiles([csv]);
  await verify.getByRole('button', { name: 'Verify' }).click();
  await expect(result).toContainText('.approval.json');
});
