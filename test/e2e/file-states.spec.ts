import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { WorkbookStore } from '../../electron/store/workbook-store';
import { sampleWorkbookSeed } from '../../electron/sample/sample-workbook';
import { MENU_LABELS } from '../../shared/commands/command-table';
import { cell, expect, rowIdOf, test, type Page } from './support/sheet-test';
import { chooseMenu } from './support/menu';
import { saveScreenshot } from './support/screenshots';

const MESSAGE = 'This workbook is read-only: the file is read-only. You can read and export it; to change it, save a copy with File › Save as…';
const REASON = 'The file is read-only: save a copy to change it';

/** A workbook in the workbooks folder that no one may write to (root too: Tandem reads the mode). */
function readOnlyWorkbook(dataDir: string): string {
  const path = join(dataDir, 'workbooks', 'Audited FY2027.tandem');
  WorkbookStore.create(path, { ...sampleWorkbookSeed(), name: 'Audited FY2027' }, 'Controller').close();
  chmodSync(path, 0o444);
  return path;
}

async function openFromDialog(page: Page, name: string): Promise<void> {
  await expect(page.getByTestId('workbook-name')).toHaveText('Harbor Instruments — FY2027 Budget');
  await chooseMenu(page, 'file.open');
  await page.getByTestId('open-dialog').getByRole('button', { name: new RegExp(name) }).click();
  await expect(page.getByTestId('workbook-name')).toHaveText(name);
}

test('a read-only workbook opens read-only: the banner says why, edits are disabled with the reason, export works', async ({ page, host }) => {
  readOnlyWorkbook(host.dataDir);
  await page.goto(host.url);
  await openFromDialog(page, 'Audited FY2027');

  const banner = page.getByTestId('read-only-banner');
  await expect(banner).toContainText(MESSAGE);
  await expect(page.locator('.toolbar [data-command="edit.undo"]')).toBeDisabled();

  // The menus say why each change is disabled; reading and exporting stay.
  await page.getByTestId('menu-bar').getByRole('menuitem', { name: MENU_LABELS.data, exact: true }).click();
  const addLine = page.locator('.menu-list [data-command="data.add-line"]');
  await expect(addLine).toHaveAttribute('aria-disabled', 'true');
  await expect(addLine).toContainText(REASON);
  await saveScreenshot(page, 'read-only-menu');
  await page.keyboard.press('Escape');
  // The toolbar's approval step is disabled by the same table, with the same reason.
  const submit = page.locator('.approval-control button').first();
  await expect(submit).toBeDisabled();
  await expect(submit).toHaveAttribute('title', REASON);

  // Typing into a cell is refused with the same reason, and the value stays.
  const rowId = await rowIdOf(page, 'Customer visits');
  const january = cell(page, rowId, 'p0');
  const before = (await january.textContent()) ?? '';
  await january.click();
  await page.keyboard.type('999');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice-error')).toContainText(MESSAGE);
  await expect(january).toHaveText(before);
  await saveScreenshot(page, 'read-only-banner');

  await chooseMenu(page, 'file.export');
  const exportDialog = page.getByTestId('export-dialog');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(exportDialog.getByTestId('export-done')).toContainText('.xlsx');
  await exportDialog.getByRole('button', { name: 'Close' }).click();

  await chooseMenu(page, 'view.dark');
  await expect(banner).toBeVisible();
  await saveScreenshot(page, 'read-only-banner-dark');

  // Save a copy: the copy can be changed, and the banner goes.
  await banner.getByRole('button', { name: 'Save a copy…' }).click();
  const saveAs = page.getByTestId('save-as-dialog');
  await saveAs.getByLabel('File name or path').fill('Audited FY2027 working copy');
  await saveAs.getByRole('button', { name: 'Save copy' }).click();
  await expect(page.getByTestId('status-bar')).toContainText('Audited FY2027 working copy.tandem');
  await expect(banner).toHaveCount(0);
  await expect(page.locator('.toolbar [data-command="file.export"]')).toBeEnabled();
});
