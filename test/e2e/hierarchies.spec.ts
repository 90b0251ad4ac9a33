import { cell, cents, expect, groupRow, rowIdOf, test, totalCell, type Page } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';

// The sample's departments: Sales (1) under Commercial (5); Operations (2) and R&D (3) under Product & Supply (6); G&A (4) at the top.

/** Collapses group rows (by id) so that rows further down come into the grid's drawn rows. */
async function collapse(page: Page, ...groupIds: string[]): Promise<void> {
  for (const id of groupIds) {
    await groupRow(page, id).locator('.group-label').click();
    await expect(groupRow(page, id)).toContainText('▸');
  }
}

test('divisions group their departments; a collapsed division shows the sum of their contributions', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(groupRow(page, 'g:d5')).toContainText('Commercial');
  await expect(groupRow(page, 'g:d1')).toContainText('Sales');
  await collapse(page, 'g:d5', 'g:d2');
  const operations = cents(await groupRow(page, 'g:d2').locator('[col-id="year"]').innerText());
  const research = cents(await groupRow(page, 'g:d3').locator('[col-id="year"]').innerText());
  await collapse(page, 'g:d6');
  await expect(groupRow(page, 'g:d2')).toHaveCount(0);
  expect(cents(await groupRow(page, 'g:d6').locator('[col-id="year"]').innerText())).toBe(operations + research);
  await saveScreenshot(page, 'division-collapsed');
});

test('a line moves to another department from the context menu, and undo puts it back', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Customer visits');
  const year = await cell(page, rowId, 'year').innerText();
  const salesBefore = cents(await groupRow(page, 'g:d1').locator('[col-id="year"]').innerText());
  await cell(page, rowId, 'description').click({ button: 'right' });
  await page.getByTestId('context-menu').getByRole('menuitem', { name: /Move to another department or account/ }).click();
  const dialog = page.getByTestId('move-line-dialog');
  await dialog.getByLabel('Department').selectOption({ label: 'G&A' });
  // Money lines are offered money accounts only: no headcount or rates.
  await expect(dialog.getByLabel('Account').locator('option', { hasText: 'Headcount' })).toHaveCount(0);
  await saveScreenshot(page, 'move-line-dialog');
  await dialog.getByRole('button', { name: 'Move line' }).click();
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', /move “Customer visits” to G&A/);
  // With the divisions collapsed G&A comes into view, the line among its lines.
  await collapse(page, 'g:d5', 'g:d6');
  await expect(cell(page, rowId, 'description')).toHaveText('Customer visits');
  await expect(cell(page, rowId, 'year')).toHaveText(year);
  // Sales (all of Commercial) lost a cost, so its contribution rose by the line's total.
  expect(cents(await groupRow(page, 'g:d5').locator('[col-id="year"]').innerText())).toBe(salesBefore + cents(year));
  await page.keyboard.press('Control+z');
  await expect(cell(page, rowId, 'description')).toHaveCount(0);
  expect(cents(await groupRow(page, 'g:d5').locator('[col-id="year"]').innerText())).toBe(salesBefore);
});

test('a rate line takes percentages and its formula line follows exactly', async ({ page, host }) => {
  await page.goto(host.url);
  await collapse(page, 'g:d5', 'g:d2');
  const rate = await rowIdOf(page, 'Payroll tax & benefits rate');
  const salaries = await rowIdOf(page, 'Engineering salaries');
  const benefits = await rowIdOf(page, 'Engineering benefits & payroll tax');
  await expect(cell(page, rate, 'p0')).toHaveText('22%');
  await cell(page, rate, 'p0').click();
  await page.keyboard.type('23.5%');
  await page.keyboard.press('Enter');
  await expect(cell(page, rate, 'p0')).toHaveText('23.5%');
  const salary = cents(await cell(page, salaries, 'p0').innerText());
  // 23.5% of the salaries, rounded half-even to the cent: salary cents * 235 / 1000.
  const expected = (salary * 235n + 500n) / 1000n;
  expect(cents(await cell(page, benefits, 'p0').innerText())).toBe(expected);
  // A bare number on a rate line is a percentage too; a rate has no year total.
  await cell(page, rate, 'p1').click();
  await page.keyboard.type('21');
  await page.keyboard.press('Enter');
  await expect(cell(page, rate, 'p1')).toHaveText('21%');
  await expect(cell(page, rate, 'year')).toHaveText('');
  await saveScreenshot(page, 'rate-line');
  // A percentage on a money line is refused, naming the rule.
  await cell(page, await rowIdOf(page, 'Cloud test lab'), 'p0').click();
  await page.keyboard.type('15%');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice-error')).toContainText('percentages are only allowed on rate lines');
});

test('the Spread dialog follows last year or a seasonality profile, previewing exact months', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Sensor kits — Europe');
  await cell(page, rowId, 'p0').click();
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByTestId('spread-dialog');
  await dialog.getByLabel('Full-year amount').fill('5,000,000');
  await dialog.getByLabel(/Like last year/).check();
  await expect(dialog).toContainText('Actuals FY2026');
  const preview = dialog.getByTestId('spread-preview');
  await expect(preview.locator('.spread-preview-month')).toHaveCount(12);
  await saveScreenshot(page, 'spread-last-year');
  await dialog.getByLabel(/By a seasonality profile/).check();
  await dialog.getByLabel('Seasonality profile', { exact: true }).selectOption({ label: 'Year-end heavy' });
  const previewed = await preview.locator('.amount').allInnerTexts();
  expect(previewed.reduce((sum, text) => sum + cents(text), 0n)).toBe(500_000_000n);
  await saveScreenshot(page, 'spread-profile');
  await dialog.getByRole('button', { name: 'Spread' }).click();
  await expect(cell(page, rowId, 'year')).toHaveText('5,000,000.00');
  await expect(page.getByTestId('notice-info')).toContainText('by the profile “Year-end heavy”');
  const months: string[] = [];
  for (let period = 0; period < 12; period += 1) {
    await cell(page, rowId, `p${period}`).scrollIntoViewIfNeeded();
    months.push(await cell(page, rowId, `p${period}`).innerText());
  }
  expect(months).toEqual(previewed);
});

test('a department is deleted with its lines after confirming, and undo brings all of it back', async ({ page, host }) => {
  await page.goto(host.url);
  // With the divisions collapsed, the new department's rows come into view under G&A.
  await collapse(page, 'g:d5', 'g:d6');
  // A new department with one line and an amount.
  await page.locator('.ag-row[row-id="g:d4"] .group-label').click({ button: 'right' });
  await page.getByTestId('context-menu').getByRole('menuitem', { name: /Departments and accounts/ }).click();
  const dimensions = page.getByTestId('dimensions-dialog');
  await dimensions.getByLabel('New department', { exact: true }).fill('Field service');
  await dimensions.getByRole('button', { name: 'Add department' }).click();
  await expect(dimensions.getByLabel('Name of Field service')).toBeVisible();
  await dimensions.getByRole('button', { name: 'Done' }).click();
  await page.keyboard.press('Control+Shift+L');
  const addLine = page.getByTestId('add-line-dialog');
  await addLine.getByLabel('Department').selectOption({ label: 'Field service' });
  await addLine.getByLabel('Account').selectOption({ label: '6200 Travel (Operating expenses)' });
  await addLine.getByLabel('Description').fill('Technician travel');
  await addLine.getByRole('button', { name: 'Add line' }).click();
  // The cursor lands on the new line's first month.
  const rowId = await rowIdOf(page, 'Technician travel');
  await expect(cell(page, rowId, 'p0')).toHaveClass(/ag-cell-focus/);
  await page.keyboard.type('4,800');
  await page.keyboard.press('Enter');
  const opexBefore = await totalCell(page, 'total-opex', 'year').innerText();
  const group = page.locator('.ag-row[row-id^="g:d"]').filter({ hasText: 'Field service' }).first();
  await group.locator('.group-label').click({ button: 'right' });
  await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Delete department “Field service”…' }).click();
  const dialog = page.getByTestId('delete-department-dialog');
  await expect(dialog).toContainText('Field service has 1 line with amounts in 1 cell');
  await saveScreenshot(page, 'delete-department-dialog');
  await dialog.getByRole('button', { name: /Delete department and 1 line/ }).click();
  await expect(page.locator('.ag-row').filter({ hasText: 'Technician travel' })).toHaveCount(0);
  await expect(totalCell(page, 'total-opex', 'year')).not.toHaveText(opexBefore);
  await page.keyboard.press('Control+z');
  await expect(cell(page, rowId, 'p0')).toHaveText('4,800.00');
  await expect(totalCell(page, 'total-opex', 'year')).toHaveText(opexBefore);
});

test('a table pasted as HTML only (no plain text) lands as cells', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'CRM licences');
  await cell(page, rowId, 'p0').click();
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.setData('text/html', '<table><tr><td>1,200.50</td><td>(300)</td></tr></table>');
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  });
  await expect(cell(page, rowId, 'p0')).toHaveText('1,200.50');
  await expect(cell(page, rowId, 'p1')).toHaveText('(300.00)');
});
