import { cursor, expect, test, type Page } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';
import { chooseMenu } from './support/menu';

const SAMPLE_KPIS = [
  'Gross margin %',
  'Operating expenses % of revenue',
  'Operating income vs plan',
  'Return on funded investments',
  'Cost of goods sold',
  'Days sales outstanding',
  'Days inventory outstanding',
  'Days payables outstanding',
  'Cash conversion cycle',
  'Customer satisfaction (CSAT)',
];

async function openDashboard(page: Page) {
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('scorecard')).toBeVisible();
}

const tile = (page: Page, name: string) => page.locator(`[data-testid="kpi-tile"][data-kpi="${name}"]`);

test('the dashboard scores the sample’s KPIs in words and shapes, follows the period, and clicks through to the lines behind a KPI', async ({ page, host }) => {
  await page.goto(host.url);
  await openDashboard(page);
  const view = page.getByTestId('dashboard-view');
  await expect(page.getByTestId('kpi-tile')).toHaveCount(SAMPLE_KPIS.length);
  for (const name of SAMPLE_KPIS) await expect(tile(page, name)).toBeVisible();
  // A status in a word and a shape, never by colour alone.
  await expect(view.locator('.kpi-status').filter({ hasText: /On track|At risk|Off track/ }).first()).toBeVisible();
  await expect(view.getByRole('img', { name: /^Status: (On track|At risk|Off track)$/ }).first()).toBeVisible();
  // A percentage reads as one: 42.0%.
  await expect(tile(page, 'Gross margin %').getByTestId('kpi-value')).toHaveText(/^\d{1,3}\.\d%/);
  await expect(view.getByTestId('dashboard-revenue-chart').locator('svg')).toBeVisible();
  await expect(view.getByTestId('dashboard-bridge-chart').locator('svg')).toBeVisible();
  await page.mouse.move(5, 890);
  await saveScreenshot(page, 'dashboard');

  // Another period, another value.
  const cogs = tile(page, 'Cost of goods sold').getByTestId('kpi-value');
  const yearToDate = await cogs.innerText();
  await view.getByLabel('Period').selectOption({ label: 'Q1 FY2027' });
  await expect(view.locator('.dashboard-scorecard h2')).toContainText('Jan–Mar 2027');
  await expect(cogs).not.toHaveText(yearToDate);
  const firstQuarter = await cogs.innerText();
  await view.getByLabel('Period').selectOption({ label: 'Feb 2027' });
  await expect(cogs).not.toHaveText(firstQuarter);

  // A KPI's details: its definition, and the lines behind it; a line opens the sheet on its cell.
  await tile(page, 'Cost of goods sold').click();
  const detail = page.getByTestId('kpi-detail');
  await expect(detail.getByTestId('kpi-definition')).toHaveText('cogs()');
  await detail.getByLabel('Lines in version').selectOption({ label: 'Budget FY2027' });
  const line = detail.getByTestId('kpi-lines').getByRole('button').first();
  const lineName = (await line.locator('.kpi-line-name').innerText()).trim();
  await saveScreenshot(page, 'dashboard-kpi-detail');
  await line.click();
  await expect(page.getByTestId('budget-grid')).toBeVisible();
  await expect(page.getByTestId('version-picker').locator('option:checked')).toHaveText('Budget FY2027 — Budget');
  const rowId = await page.locator('.ag-row:not(.ag-row-pinned)').filter({ hasText: lineName }).first().getAttribute('row-id');
  await expect.poll(() => cursor(page)).toBe(`${rowId}:p1`);
});

test('a KPI the back refuses keeps its dialog open with the message; a good one gets a tile that Undo takes away; CSAT is entered with who entered it', async ({ page, host }) => {
  await page.goto(host.url);
  await openDashboard(page);
  const view = page.getByTestId('dashboard-view');

  // A definition naming a line that does not exist: the back's message, naming the KPI, in the dialog.
  await view.getByRole('button', { name: 'New KPI…' }).click();
  const dialog = page.getByTestId('kpi-dialog');
  await dialog.getByLabel('KPI name').fill('Freight share');
  await dialog.getByLabel('KPI definition').fill('[Inbound freight charges] / cogs()');
  await dialog.getByLabel('Yearly target').fill('4');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByTestId('kpi-dialog-error')).toHaveText('KPI “Freight share”: there is no line named “Inbound freight charges”.');
  await expect(dialog).toBeVisible();
  await dialog.getByText('The KPI language: names in brackets, and its functions').click();
  await expect(dialog.locator('.kpi-help')).toContainText('dept([Operations], opex()) is what follows for a department');
  await saveScreenshot(page, 'dashboard-kpi-refused');
  await expect(page.getByTestId('kpi-tile')).toHaveCount(SAMPLE_KPIS.length);

  // A good definition: its tile appears.
  await dialog.getByLabel('KPI definition').fill('cogs() / revenue()');
  await dialog.getByLabel('KPI direction').selectOption('lower');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(tile(page, 'Freight share')).toBeVisible();
  await expect(page.getByTestId('kpi-tile')).toHaveCount(SAMPLE_KPIS.length + 1);
  await expect(tile(page, 'Freight share').locator('.kpi-target')).toContainText('Target 4.0%');

  // Undo (the toolbar) takes it away.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(tile(page, 'Freight share')).toHaveCount(0);
  await expect(page.getByTestId('kpi-tile')).toHaveCount(SAMPLE_KPIS.length);

  // Thresholds that overlap are refused by the back, in the dialog; a new target is taken, and Delete asks first.
  await tile(page, 'Gross margin %').click();
  const panel = page.getByTestId('kpi-detail');
  await panel.getByRole('button', { name: 'Edit…' }).click();
  await expect(dialog.getByLabel('Yearly target')).toHaveValue('64');
  await dialog.getByLabel('On track within').fill('10');
  await dialog.getByLabel('Off track beyond').fill('2');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByTestId('kpi-dialog-error')).toContainText('KPI “Gross margin %”');
  await expect(dialog.getByTestId('kpi-dialog-error')).toContainText('overlap');
  await dialog.getByLabel('Off track beyond').fill('12');
  await dialog.getByLabel('Yearly target').fill('58');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(tile(page, 'Gross margin %').locator('.kpi-target')).toContainText('Target 58.0%');
  await panel.getByRole('button', { name: 'Delete…' }).click();
  await page.getByTestId('kpi-delete-dialog').getByRole('button', { name: 'Delete “Gross margin %”' }).click();
  await expect(tile(page, 'Gross margin %')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(tile(page, 'Gross margin %')).toBeVisible();

  // Customer satisfaction is entered month by month, with who entered it.
  await tile(page, 'Customer satisfaction (CSAT)').click();
  const detail = page.getByTestId('kpi-detail');
  const october = detail.getByTestId('kpi-input-Oct 2027');
  await october.getByLabel('Value for Oct 2027').fill('4.6');
  await october.getByLabel('Value for Oct 2027').press('Enter');
  await expect(detail.getByTestId('kpi-input-Oct 2027').locator('.kpi-entered-by')).not.toHaveText('');
  await expect(detail.getByTestId('kpi-input-Oct 2027').getByLabel('Value for Oct 2027')).toHaveValue('4.6');
  await view.getByLabel('Period').selectOption({ label: 'Oct 2027' });
  await expect(tile(page, 'Customer satisfaction (CSAT)').getByTestId('kpi-value')).toHaveText(/^4\.60/);
  await chooseMenu(page, 'view.dark');
  await page.mouse.move(5, 890);
  await saveScreenshot(page, 'dashboard-dark');
});

test('the department pick narrows the scorecard to the KPIs it owns and the charts to its figures; a bar opens the lines behind it', async ({ page, host }) => {
  await page.goto(host.url);
  await openDashboard(page);
  const view = page.getByTestId('dashboard-view');
  const department = view.getByLabel('Department', { exact: true });
  // Departments are indented under their division.
  await department.selectOption({ label: '\u00a0\u00a0\u00a0Operations' });
  await expect(view.locator('.dashboard-scorecard h2')).toContainText(/KPIs owned by Operations \(\d+ of 10\)/);
  await expect(tile(page, 'Cost of goods sold')).toBeVisible();
  await expect(tile(page, 'Days sales outstanding')).toHaveCount(0);
  await expect(view.getByText(/by month, Operations/)).toBeVisible();
  // Operations holds its own lines: its bridge steps through the account types.
  const bridge = view.getByTestId('dashboard-bridge-chart');
  await bridge.scrollIntoViewIfNeeded();
  await expect(bridge.locator('svg')).toContainText('Operating expenses');
  await expect(view.getByTestId('dashboard-departments-chart').locator('svg')).toContainText('Operations');
  await expect(view.getByTestId('dashboard-departments-chart').locator('svg')).not.toContainText('Sales');
  await page.mouse.move(5, 890);
  await saveScreenshot(page, 'dashboard-charts-operations');

  // Without a forecast, months not closed are judged on the budget, and the page says so.
  await view.getByLabel('Forecast version').selectOption({ label: 'No forecast' });
  await expect(view.getByTestId('dashboard-basis')).toContainText('no forecast is picked');

  // A department's bar opens its first operating-expense line in the sheet.
  await department.selectOption({ label: 'All departments' });
  const departments = view.getByTestId('dashboard-departments-chart');
  await departments.scrollIntoViewIfNeeded();
  // The first department's budget bar (the budget's series colour).
  await departments.locator('svg path[fill="#2f6fde"]').first().click();
  await expect(page.getByTestId('budget-grid')).toBeVisible();
  await expect.poll(() => cursor(page)).toMatch(/^\d+:p0$/);
});
