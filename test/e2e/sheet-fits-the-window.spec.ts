import { cell, expect, groupRow, rowIdOf, test, type Page } from './support/sheet-test';
import { chooseMenu } from './support/menu';
import { saveScreenshot } from './support/screenshots';

// The sheet as a new user first sees it: whole units, grouped by department.
test.use({ sheetCents: false });

/** Whether a month's header is wholly in view: right of the pinned Line column, left of the pinned year total. */
async function headerFullyShown(page: Page, colId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
    const header = box(`.ag-header-cell[col-id="${id}"]`);
    const line = box('.ag-header-cell[col-id="description"]');
    const total = box('.ag-header-cell[col-id="year"]');
    return header !== undefined && line !== undefined && total !== undefined && header.left >= line.right - 1 && header.right <= total.left + 1 && total.right <= window.innerWidth;
  }, colId);
}

test('at 1,440 pixels the sheet shows January to December, the year total and a readable Line column', async ({ page, host }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Sensor kits — North America');
  await saveScreenshot(page, 'sheet-year-at-1440');
  for (let month = 0; month < 12; month += 1) expect(await headerFullyShown(page, `p${month}`), `month ${month + 1} is in view`).toBe(true);
  await expect(page.locator('.ag-header-cell[col-id="year"]')).toBeInViewport({ ratio: 1 });
  // The line's name is not cut off.
  const line = cell(page, rowId, 'description');
  expect(await line.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  // Grouped by department, the department is said on its group row, not on every line.
  await expect(page.locator('.ag-header-cell[col-id="department"]')).toHaveCount(0);
  await expect(groupRow(page, 'g:d1').locator('.group-label')).toContainText('Sales');
  await expect(page.getByTestId('status-bar')).toContainText('USD, whole units');
});

test('whole units round what the sheet shows, never what it holds: the formula bar, the sum and cents on demand are exact', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Customer visits');
  const january = cell(page, rowId, 'p0');
  await january.click();
  await page.keyboard.type('1234.50');
  await page.keyboard.press('Enter');
  await expect(january).toHaveText('1,235');
  await january.click();
  await expect(page.getByLabel('Formula or value of the selected cell')).toHaveValue('1234.5');

  await chooseMenu(page, 'view.cents');
  await expect(january).toHaveText('1,234.50');
  await expect(page.getByTestId('status-bar')).not.toContainText('whole units');
  // The preference is the user's: it outlives a reload.
  await page.reload();
  await expect(cell(page, await rowIdOf(page, 'Customer visits'), 'p0')).toHaveText('1,234.50');
});

test('grouped by account, the account is said on its group rows and the department comes back on the lines', async ({ page, host }) => {
  await page.goto(host.url);
  await rowIdOf(page, 'Customer visits');
  await chooseMenu(page, 'view.group-account');
  await expect(page.locator('.ag-header-cell[col-id="department"]')).toHaveCount(1);
  await expect(page.locator('.ag-header-cell[col-id="account"]')).toHaveCount(0);
  await expect(page.locator('.ag-row .group-label').first()).toBeVisible();
  await chooseMenu(page, 'view.group-none');
  await expect(page.locator('.ag-header-cell[col-id="department"]')).toHaveCount(1);
  await expect(page.locator('.ag-header-cell[col-id="account"]')).toHaveCount(1);
});
