import { cents, cell, cursor, expect, rowIdOf, test, totalCell, type Page } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';
import { chooseMenu } from './support/menu';

const SAMPLE_GOALS = ['Cost leadership', 'Grow services revenue', 'Operational excellence'];
const AMOUNT = /^\(?\d{1,3}(,\d{3})*\.\d{2}\)?$/;

async function openGoals(page: Page) {
  await page.getByRole('tab', { name: 'Goals' }).click();
  await expect(page.getByTestId('goals-table')).toBeVisible();
}

const goalRow = (page: Page, name: string) => page.getByTestId(`goal-row-${name}`);
/** The amounts of a row in the table's order: budget for the year, budget to date, actual to date, variance, capital. */
async function amountsOf(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).locator('td.amount-cell').allInnerTexts();
}

test('the Goals view shows per goal the money, the funded proposals and the KPIs with a status; goals and untagged add up to the sheet', async ({ page, host }) => {
  await page.goto(host.url);
  // Fund the optimizer's choice: the goals count the funded proposals and their capital.
  await page.getByRole('tab', { name: 'Proposals' }).click();
  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(page.getByTestId('optimizer-result')).toContainText('Proven optimum');
  await page.getByRole('button', { name: 'Fund these…' }).click();
  await page.getByTestId('decision-dialog').getByLabel('Reason').fill('Optimal portfolio under the caps');
  await page.getByTestId('decision-dialog').getByRole('button', { name: 'Fund them' }).click();
  await expect(page.getByTestId('decision-dialog')).toHaveCount(0);

  // The sheet's own totals for the plan year: cost of goods sold, operating and capital expenses.
  await page.getByRole('tab', { name: 'Budget' }).click();
  await rowIdOf(page, 'Sensor components');
  let sheetSpend = 0n;
  for (const total of ['total-cogs', 'total-opex', 'total-capex']) sheetSpend += cents(await totalCell(page, total, 'year').innerText());

  await page.keyboard.press('Control+5');
  await expect(page.getByTestId('goals-table')).toBeVisible();
  await expect(page.locator('.goals-basis')).toContainText(/Actual: .+, Jan–\w{3} 2027/);
  for (const name of SAMPLE_GOALS) {
    const row = goalRow(page, name);
    await expect(row).toBeVisible();
    const [budgetYear, budgetToDate, actualToDate, variance] = await amountsOf(page, `goal-row-${name}`);
    for (const amount of [budgetYear, budgetToDate, actualToDate]) expect(amount).toMatch(AMOUNT);
    expect(variance).toMatch(/(\d\.\d{2}\)?[FU]?|–)$/);
    await expect(row.locator('.goal-kpis li').first()).toContainText(/(● On track|▲ At risk|■ Off track|○ No status)/);
  }
  // The KPIs read in words with a shape, and at least one sample goal is measured against a target.
  await expect(page.locator('.goal-kpis .goal-status').filter({ hasText: /On track|At risk|Off track/ }).first()).toBeVisible();
  const funded = page.locator('.goal-row:not(.goal-untagged)').filter({ has: page.getByRole('button', { name: /^\d+ funded$/ }) }).first();
  await expect(funded).toBeVisible();
  const capital = (await funded.locator('td.amount-cell').allInnerTexts())[4] ?? '';
  expect(capital).toMatch(AMOUNT);

  // Goals and the untagged rest add up to the sheet's totals, to the cent.
  let goalsSpend = 0n;
  for (const name of [...SAMPLE_GOALS, 'untagged']) goalsSpend += cents((await amountsOf(page, `goal-row-${name}`))[0] ?? '');
  const [totalYear] = await amountsOf(page, 'goal-total-row');
  expect(cents(totalYear ?? '')).toBe(sheetSpend);
  expect(goalsSpend).toBe(sheetSpend);
  await saveScreenshot(page, 'goals-view');

  // Revenue: the services goal holds its revenue lines.
  await page.getByRole('button', { name: 'Revenue', exact: true }).click();
  expect(cents((await amountsOf(page, 'goal-row-Grow services revenue'))[0] ?? '')).toBeGreaterThan(0n);
  await page.getByRole('button', { name: 'Spend', exact: true }).click();

  // A tagged line opens in the budget sheet with the cursor on its cell.
  await goalRow(page, 'Cost leadership').getByRole('button', { name: /\d+ lines?/ }).click();
  await saveScreenshot(page, 'goals-view-lines');
  await chooseMenu(page, 'view.dark');
  await saveScreenshot(page, 'goals-view-lines-dark');
  await chooseMenu(page, 'view.dark');
  await page.locator('.goal-line-row').getByRole('button', { name: 'Sensor components' }).click();
  await expect(page.getByTestId('budget-grid')).toBeVisible();
  const rowId = await rowIdOf(page, 'Sensor components');
  await expect.poll(() => cursor(page)).toBe(`${rowId}:p0`);
});

test('a goal is created, a line tagged from the sheet’s menu, and a used goal deleted with its uses cleared; Undo brings it back with its tags', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Trade show booths');
  const lineYear = await cell(page, rowId, 'year').innerText();

  await openGoals(page);
  await page.getByRole('button', { name: 'New goal…' }).click();
  const form = page.getByTestId('goal-dialog');
  await form.getByLabel('Goal name').fill('cost leadership');
  await expect(form.getByRole('alert')).toHaveText('There is already a goal named “Cost leadership”. Choose another name.');
  await expect(form.getByRole('button', { name: 'Add goal' })).toBeDisabled();
  await form.getByLabel('Goal name').fill('Brand awareness');
  await form.getByLabel('Goal description').fill('Be the first name buyers think of for industrial sensors.');
  await form.getByRole('button', { name: 'Add goal' }).click();
  await expect(goalRow(page, 'Brand awareness')).toContainText('No line tagged');

  // Tag a line from the sheet's context menu.
  await page.getByRole('tab', { name: 'Budget' }).click();
  await cell(page, await rowIdOf(page, 'Trade show booths'), 'p1').click({ button: 'right' });
  await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Tag with goal…' }).click();
  const tag = page.getByTestId('tag-lines-dialog');
  await tag.getByLabel('Goal').selectOption({ label: 'Brand awareness' });
  await saveScreenshot(page, 'goals-tag-dialog');
  await tag.getByRole('button', { name: 'Tag' }).click();
  await expect(tag).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /tag 1 line with “Brand awareness”/);

  await openGoals(page);
  const brand = goalRow(page, 'Brand awareness');
  await brand.getByRole('button', { name: '1 line' }).click();
  const tagged = page.locator('.goal-line-row').filter({ hasText: 'Trade show booths' });
  await expect(tagged.locator('td.amount-cell').first()).toHaveText(lineYear);
  expect((await amountsOf(page, 'goal-row-Brand awareness'))[0]).toBe(lineYear);

  // A used goal: the dialog says what uses it before anything changes.
  await brand.getByRole('button', { name: 'Delete goal Brand awareness' }).click();
  const remove = page.getByTestId('delete-goal-dialog');
  await expect(remove.getByRole('alert')).toHaveText('Goal “Brand awareness” is used by 1 budget line, 0 proposals and 0 KPIs.');
  await remove.getByRole('button', { name: 'Cancel' }).click();
  await expect(brand).toBeVisible();

  const cost = goalRow(page, 'Cost leadership');
  const costBefore = await amountsOf(page, 'goal-row-Cost leadership');
  const costLines = await cost.locator('.goal-toggle').innerText();
  await cost.getByRole('button', { name: 'Delete goal Cost leadership' }).click();
  await expect(remove.getByRole('alert')).toHaveText(/^Goal “Cost leadership” is used by \d+ budget lines?, \d+ proposals? and [1-9]\d* KPIs?\.$/);
  await saveScreenshot(page, 'goals-delete-dialog');
  // The theme button is behind the dialog: switch the theme as it does.
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  await saveScreenshot(page, 'goals-delete-dialog-dark');
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  await remove.getByRole('button', { name: 'Clear them and delete' }).click();
  await expect(remove).toHaveCount(0);
  await expect(cost).toHaveCount(0);

  // One undo brings the goal back with its lines, proposals and KPIs.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cost).toBeVisible();
  await expect(cost.locator('.goal-toggle')).toHaveText(costLines);
  expect(await amountsOf(page, 'goal-row-Cost leadership')).toEqual(costBefore);
  await expect(cost.locator('.goal-kpis li').first()).toBeVisible();
});

test('a workbook without goals says what goals are for and starts one', async ({ page, host }) => {
  await page.goto(host.url);
  await chooseMenu(page, 'file.new');
  const dialog = page.getByTestId('new-dialog');
  await dialog.getByLabel('Name').fill('Plant FY2027');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByTestId('workbook-name')).toHaveText('Plant FY2027');
  await page.keyboard.press('Control+5');
  const empty = page.getByTestId('goals-empty');
  await expect(empty).toContainText('no strategic goals yet');
  await saveScreenshot(page, 'goals-empty');
  await empty.getByRole('button', { name: 'New goal…' }).click();
  await page.getByTestId('goal-dialog').getByLabel('Goal name').fill('Safety first');
  await page.getByTestId('goal-dialog').getByRole('button', { name: 'Add goal' }).click();
  await expect(goalRow(page, 'Safety first')).toContainText('No line tagged');
  await expect(page.getByTestId('goal-total-row')).toBeVisible();
});
