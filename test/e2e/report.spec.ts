import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/sheet-test';
import { SCREENSHOT_FOLDER, saveScreenshot } from './support/screenshots';
import { chooseMenu } from './support/menu';

test('the report prints through Chromium to a paginated A4 PDF: cover, summaries, chart and the sheet', async ({ page, host }) => {
  await page.goto(host.url);
  await chooseMenu(page, 'file.report');
  const report = page.getByTestId('budget-report');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('Harbor Instruments — FY2027 Budget');
  await expect(report.getByTestId('report-status')).toHaveText('Draft');
  await expect(report.getByRole('img', { name: 'Operating income by month', exact: true })).toBeVisible();
  // The summary's total operating income is the sheet's, to the unit.
  await expect(report.locator('.report-page:not(.report-variance):not(.report-scorecard) .report-table').first().locator('.report-total td').last()).toHaveText('2,508,553');
  // Budget against actual: year to date against the actuals, the full year against the latest forecast, the lines to explain, the chart.
  const variance = report.getByTestId('report-variance');
  await expect(variance.getByRole('heading', { level: 3 }).first()).toHaveText('Budget FY2027 against Actuals FY2027 and Q3 forecast (latest estimate)');
  await expect(variance.locator('.report-total').first()).toContainText('Operating income');
  await expect(variance.locator('.report-total').first()).toContainText('unfav.');
  await expect(variance.getByTestId('report-variance-chart').locator('svg')).toContainText('Q3 forecast (latest estimate)');
  await expect(variance.locator('table').nth(1)).toContainText('OEM modules');
  // The scorecard: every KPI with its status in words.
  await expect(report.getByTestId('report-scorecard').locator('tbody tr')).toHaveCount(10);
  await expect(report.getByTestId('report-scorecard')).toContainText('Gross margin %');
  await expect(report.getByTestId('report-scorecard')).toContainText('Off track');
  await expect(report.getByRole('button', { name: 'Print or save as PDF…' })).toBeVisible();
  await saveScreenshot(page, 'report-preview');

  // Chromium's own printing, as the browser's Print and Electron's printToPDF do.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({
    format: 'A4',
    landscape: true,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<div></div>',
    footerTemplate: '<div style="font-size:8px;width:100%;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    margin: { top: '10mm', bottom: '12mm', left: '10mm', right: '10mm' },
  });
  mkdirSync(SCREENSHOT_FOLDER, { recursive: true });
  writeFileSync(join(SCREENSHOT_FOLDER, 'budget-report.pdf'), pdf);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  // Cover, summaries, and the 52-line sheet over more than one page.
  expect(pages).toBeGreaterThanOrEqual(4);
  // In print, the app around the report is gone.
  await expect(page.locator('.toolbar')).toBeHidden();
});
