import { join } from 'node:path';
import { WorkbookStore } from '../../electron/store/workbook-store';
import { cell, expect, rowIdOf, test, type Page } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';
import { chooseMenu } from './support/menu';

/** Sales goes out as a package from the Packages dialog (left closed); where the package was written. */
async function cutSalesPackage(page: Page, dataDir: string): Promise<string> {
  await chooseMenu(page, 'file.packages');
  const dialog = page.getByTestId('package-dialog');
  await dialog.getByLabel('Department to send').selectOption({ label: 'Sales' });
  await dialog.getByRole('button', { name: 'Cut package' }).click();
  await expect(dialog.getByTestId('package-cut')).toContainText('Sales: 13 lines');
  await dialog.getByRole('button', { name: 'Close' }).click();
  return join(dataDir, 'workbooks', 'Exports', 'Harbor Instruments — FY2027 Budget - Sales package.tandem');
}

test('a department package goes out, comes back drafted, and merges with a conflict decided side by side', async ({ page, host }) => {
  await page.goto(host.url);
  const dialog = page.getByTestId('package-dialog');
  const packagePath = await cutSalesPackage(page, host.dataDir);

  // The ops manager drafts offline in Tandem: two months of trade-show travel.
  const offline = WorkbookStore.open(packagePath);
  const shows = offline.sheet(offline.defaultVersionId()).lines.find((line) => line.description === 'Trade shows — travel');
  offline.setCells(
    offline.defaultVersionId(),
    [
      { lineId: shows?.id ?? 0, period: 0, value: '3100' },
      { lineId: shows?.id ?? 0, period: 1, value: '11000' },
    ],
    'draft',
    'Olivia Ops',
  );
  offline.close();

  // Meanwhile finance changes February too: a conflict.
  const rowId = await rowIdOf(page, 'Trade shows — travel');
  await cell(page, rowId, 'p1').click();
  await page.keyboard.type('9,500');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  await chooseMenu(page, 'file.packages');
  await dialog.getByLabel('Package to merge').setInputFiles(packagePath);
  await expect(dialog.getByTestId('package-summary')).toContainText('1 cell changed only in the package merges by itself');
  const conflicts = dialog.getByTestId('package-conflicts');
  await expect(conflicts.locator('tbody tr')).toHaveCount(1);
  await expect(conflicts.locator('tbody tr').first()).toContainText('Trade shows — travel');
  await expect(conflicts.locator('tbody tr').first()).toContainText('11,000.00');
  await expect(conflicts.locator('tbody tr').first()).toContainText('9,500.00');
  // No side is chosen for the user: Merge waits until the conflict has one.
  await expect(dialog.getByLabel(/Take the package's 11,000.00/)).not.toBeChecked();
  await expect(dialog.getByLabel(/Keep the workbook's 9,500.00/)).not.toBeChecked();
  await expect(dialog.getByTestId('package-conflicts-left')).toHaveText('1 of 1 conflict left to choose: pick the package’s or the workbook’s value for each (or one side for all) before merging.');
  await expect(dialog.getByRole('button', { name: 'Merge package' })).toBeDisabled();
  await saveScreenshot(page, 'package-conflict-to-choose');
  await dialog.getByLabel(/Keep the workbook's 9,500.00/).check();
  await expect(dialog.getByTestId('package-conflicts-left')).toHaveText('The conflict has its side: the package can merge.');
  await saveScreenshot(page, 'package-merge');
  await dialog.getByRole('button', { name: 'Merge package' }).click();
  await expect(cell(page, rowId, 'p0')).toHaveText('3,100.00');
  await expect(cell(page, rowId, 'p1')).toHaveText('9,500.00');
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', /merge the Sales package/);
});

test('in the dark theme too, a conflict waits for its side, and one side for all enables Merge', async ({ page, host }) => {
  await page.goto(host.url);
  await chooseMenu(page, 'view.dark');
  const dialog = page.getByTestId('package-dialog');
  const packagePath = await cutSalesPackage(page, host.dataDir);
  const offline = WorkbookStore.open(packagePath);
  const shows = offline.sheet(offline.defaultVersionId()).lines.find((line) => line.description === 'Trade shows — travel');
  offline.setCells(offline.defaultVersionId(), [1, 2].map((period) => ({ lineId: shows?.id ?? 0, period, value: '11000' })), 'draft', 'Olivia Ops');
  offline.close();
  const rowId = await rowIdOf(page, 'Trade shows — travel');
  await cell(page, rowId, 'p1').click();
  await page.keyboard.type('9500');
  await page.keyboard.press('Tab');
  await page.keyboard.type('9600');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  await chooseMenu(page, 'file.packages');
  await dialog.getByLabel('Package to merge').setInputFiles(packagePath);
  await expect(dialog.getByTestId('package-conflicts').locator('tbody tr')).toHaveCount(2);
  await dialog.getByLabel(/Take the package's 11,000.00 for Trade shows — travel, Feb 2027/).check();
  await expect(dialog.getByTestId('package-conflicts-left')).toContainText('1 of 2 conflicts left to choose');
  await expect(dialog.getByRole('button', { name: 'Merge package' })).toBeDisabled();
  await saveScreenshot(page, 'package-conflict-to-choose-dark');
  await dialog.getByRole('button', { name: 'Keep all of the workbook' }).click();
  await expect(dialog.getByTestId('package-conflicts-left')).toHaveText('All 2 conflicts have their side: the package can merge.');
  await dialog.getByRole('button', { name: 'Merge package' }).click();
  await expect(cell(page, rowId, 'p1')).toHaveText('9,500.00');
  await expect(cell(page, rowId, 'p2')).toHaveText('9,600.00');
});
