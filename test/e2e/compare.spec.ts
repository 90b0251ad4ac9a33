import { cell, expect, rowIdOf, test } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';
import { chooseMenu } from './support/menu';

test('compare shows the budget against actuals with variance, favourable and unfavourable in words and colour, and thresholds', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Compare' }).click();
  const view = page.getByTestId('compare-view');
  await expect(view.getByLabel('Base version').locator('option:checked')).toHaveText('Budget FY2027 — Budget');
  await expect(view.getByLabel('Comparison version').locator('option:checked')).toHaveText('Actuals FY2027 — Actuals');
  await expect(view.getByLabel('Period').locator('option:checked')).toHaveText('Sep 2027');
  const grid = view.getByTestId('compare-grid');
  await expect(grid.locator('.ag-header-group-cell').filter({ hasText: 'Year to date (through Sep 2027)' })).toBeVisible();
  // OEM modules launched late: revenue under budget, unfavourable, in words and colour.
  const oem = grid.locator('.ag-row').filter({ hasText: 'OEM modules' }).first();
  await expect(oem.locator('[col-id="ytd:ratio"]')).toHaveText(/^-\d+\.\d% U$/);
  await expect(oem.locator('[col-id="ytd:variance"]')).toHaveClass(/variance-unfavourable/);
  // Customer visits ran over budget: unfavourable; the hiring freeze left salaries under budget: favourable.
  await expect(grid.locator('.ag-row').filter({ hasText: 'Customer visits' }).first().locator('[col-id="ytd:ratio"]')).toHaveText(/^\+\d+\.\d% U$/);
  await expect(grid.locator('.ag-row').filter({ hasText: 'Account executives (9 FTE)' }).first().locator('[col-id="ytd:ratio"]')).toHaveText(/^-\d+\.\d% F$/);
  await expect(page.locator('.ag-row-pinned[row-id="operating-income"] [col-id="ytd:variance"]')).not.toHaveText('');
  // The charts: operating income by month in both versions, and the bridge from one to the other.
  await expect(view.getByTestId('compare-trend-chart').locator('svg')).toBeVisible();
  await expect(view.getByTestId('compare-bridge-chart').locator('svg')).toContainText('Commercial');
  await view.getByLabel('Bridge by').selectOption('type');
  await expect(view.getByTestId('compare-bridge-chart').locator('svg')).toContainText('Revenue');
  await page.mouse.move(10, 880);
  await saveScreenshot(page, 'compare-budget-vs-actuals');

  // Only the lines over both thresholds in the first quarter, with their groups.
  await view.getByLabel('Period').selectOption({ label: 'Q1 FY2027' });
  await view.getByLabel('Threshold amount').fill('50k');
  await view.getByLabel('Threshold percentage').fill('10');
  await view.getByText('Only lines over both thresholds').click();
  await expect(grid.locator('.ag-row').filter({ hasText: 'OEM modules' })).toHaveCount(1);
  await expect(grid.locator('.ag-row').filter({ hasText: 'Customer visits' })).toHaveCount(0);
  await expect(grid.locator('.ag-row').filter({ hasText: 'OEM modules' }).locator('[col-id="flag"]')).toHaveText('!');
  await view.getByLabel('Threshold percentage').fill('abc');
  await expect(view.getByRole('alert')).toHaveText('“abc” is not a percentage: type one such as 5.');

  // The same version twice is refused with the reason; the dark theme reads as well.
  await view.getByLabel('Threshold percentage').fill('10');
  await chooseMenu(page, 'view.dark');
  await saveScreenshot(page, 'compare-over-thresholds-dark');
  await view.getByLabel('Comparison version').selectOption({ label: 'Budget FY2027 — Budget' });
  await expect(view.getByTestId('compare-problem')).toHaveText('Base and comparison are the same version: pick two different versions to see a variance.');
});

test('a variance explains itself: the forecast’s edits read from the audit trail, and a comment on the row, the month and the pair', async ({ page, host }) => {
  await page.goto(host.url);
  // Plan November in the Q3 forecast (made from the budget).
  await page.getByTestId('version-picker').selectOption({ label: 'Q3 forecast — Forecast' });
  const rowId = await rowIdOf(page, 'Customer visits');
  await cell(page, rowId, 'p0').click();
  for (let step = 0; step < 10; step += 1) await page.keyboard.press('ArrowRight');
  await page.keyboard.type('31000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  await page.getByRole('tab', { name: 'Compare' }).click();
  const view = page.getByTestId('compare-view');
  await view.getByLabel('Comparison version').selectOption({ label: 'Q3 forecast — Forecast' });
  await view.getByLabel('Period').selectOption({ label: 'Nov 2027' });
  await view.getByText('Charts', { exact: true }).click();
  const visits = view.getByTestId('compare-grid').locator('.ag-row').filter({ hasText: 'Customer visits' }).first();
  await expect(visits.locator('[col-id="m10:comparison"]')).toHaveText('31,000.00');
  await visits.locator('[col-id="label"]').dblclick();
  const panel = view.getByTestId('explain-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Customer visits · Nov 2027');
  await expect(panel.getByTestId('explain-story')).toContainText(/Nov 2027: [\d,]+\.\d\d → 31,000\.00/);
  await panel.getByLabel('Explain this variance').fill('Two customer workshops moved into November.');
  await panel.getByRole('button', { name: 'Add comment' }).click();
  await expect(panel.locator('.comment-text')).toHaveText('Two customer workshops moved into November.');
  await expect(visits.locator('[col-id="label"]')).toHaveClass(/has-comment/);
  await saveScreenshot(page, 'compare-explain-variance');
  // Budget against actuals were not made one from the other: the panel says so.
  await view.getByLabel('Comparison version').selectOption({ label: 'Actuals FY2027 — Actuals' });
  await view.getByTestId('compare-grid').locator('.ag-row').filter({ hasText: 'Customer visits' }).first().locator('[col-id="label"]').dblclick();
  await expect(panel).toContainText('“Actuals FY2027” was not made from “Budget FY2027”');
});
