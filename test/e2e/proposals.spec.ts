import { copySelection, expect, pasteText, test, type Page } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';
import { chooseMenu } from './support/menu';
import Database from 'better-sqlite3';
import { join } from 'node:path';

/** How many decisions the sample workbook's log holds, read from the file as another reader would. */
function decisionCount(dataDir: string): number {
  const db = new Database(join(dataDir, 'workbooks', 'Sample Company.tandem'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM decisions').pluck().get() as number;
  } finally {
    db.close();
  }
}

/** Proposal titles in ranking order, as the grid shows them. */
async function rankedTitles(page: Page): Promise<string[]> {
  const rows = page.locator('[data-testid="proposal-grid"] .ag-row[row-index]');
  const entries = await rows.evaluateAll((elements) =>
    elements.map((element) => ({ index: Number(element.getAttribute('row-index')), title: element.querySelector('[col-id="title"] .proposal-title')?.childNodes[0]?.textContent ?? '' })),
  );
  return entries.sort((a, b) => a.index - b.index).map((entry) => entry.title);
}

test('the proposals re-rank live as a weight moves, and the funding line follows the caps', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Proposals' }).click();
  const grid = page.getByTestId('proposal-grid');
  await expect(grid.locator('.ag-row').first()).toBeVisible();
  await expect(grid.locator('.ag-row.funding-line')).toHaveCount(1);
  await saveScreenshot(page, 'proposals-ranked');
  const before = await rankedTitles(page);
  // All weight on risk reduction: the safety and security proposals rise to the top.
  for (const name of ['Strategic alignment', 'Customer impact', 'Urgency']) await page.getByLabel(`Weight of ${name}`).fill('0');
  await page.getByLabel('Weight of Risk reduction').fill('10');
  await expect.poll(() => rankedTitles(page).then((titles) => titles.slice(0, 2).sort())).toEqual(['Plant safety retrofit (machine guarding)', 'Security operations monitoring (SOC)']);
  expect(await rankedTitles(page)).not.toEqual(before);
  // A bigger first-year budget moves the funding line down.
  const crossingBefore = await grid.locator('.ag-row.funding-line [col-id="rank"]').innerText();
  await page.getByLabel('Capital cap FY2027').fill('2,600,000');
  await page.getByLabel('Capital cap FY2027').press('Enter');
  await expect.poll(async () => Number(await grid.locator('.ag-row.funding-line [col-id="rank"]').innerText())).toBeGreaterThan(Number(crossingBefore));
  await saveScreenshot(page, 'proposals-weights-moved');
});

test('a one-key decision asks for the reason, is logged, and undo takes it back', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Proposals' }).click();
  const grid = page.getByTestId('proposal-grid');
  const row = grid.locator('.ag-row[row-index]').filter({ hasText: 'Compressed-air leak programme' });
  await row.locator('[col-id="status"]').click();
  await page.keyboard.press('r');
  const dialog = page.getByTestId('decision-dialog');
  await expect(dialog).toContainText('Reject “Compressed-air leak programme”');
  await dialog.getByLabel('Reason').fill('Covered by the facilities maintenance contract');
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await expect(row.locator('[col-id="status"]')).toHaveText('rejected');
  await expect(row.locator('[col-id="place"]')).toHaveText('Out');
  await page.keyboard.press('Control+z');
  await expect(row.locator('[col-id="status"]')).toHaveText('proposed');
});

test('the detail panel edits a cash flow and shows exact metrics with the NPV note', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Proposals' }).click();
  // In the order they were entered, LED lighting is the 16th: on screen without scrolling.
  await page.getByLabel('Rank by').selectOption('manual');
  const grid = page.getByTestId('proposal-grid');
  await grid.locator('.ag-row[row-index]').filter({ hasText: 'LED lighting retrofit' }).locator('[col-id="title"]').click();
  const detail = page.getByTestId('proposal-detail');
  await expect(detail.getByLabel('Title')).toHaveValue('LED lighting retrofit');
  // Capital 70,000 now; savings of 26,000 a year for four years at 8%: NPV = -70,000 + 26,000 x annuity(4, 8%).
  await expect(detail.getByTestId('metric-list')).toContainText('16,115.30');
  await detail.getByLabel('Benefit FY2028').fill('36000');
  await detail.getByLabel('Benefit FY2028').press('Enter');
  // 10,000 more a year later adds 10,000 / 1.08 = 9,259.26.
  await expect(detail.getByTestId('metric-list')).toContainText('25,374.56');
  await expect(detail).toContainText('A spreadsheet’s NPV function discounts its first value too');
  // A score of 10, the top of the scale, stays 10.
  await detail.getByLabel('Score on Strategic alignment').fill('10');
  await detail.getByLabel('Score on Strategic alignment').press('Enter');
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', /score “LED lighting retrofit” on Strategic alignment/);
  await page.reload();
  await page.getByRole('tab', { name: 'Proposals' }).click();
  await page.getByLabel('Rank by').selectOption('manual');
  await grid.locator('.ag-row[row-index]').filter({ hasText: 'LED lighting retrofit' }).locator('[col-id="title"]').click();
  await expect(detail.getByLabel('Score on Strategic alignment')).toHaveValue('10');
  await saveScreenshot(page, 'proposal-detail');
  await detail.getByLabel('Benefit FY2028').fill('-5');
  await detail.getByLabel('Benefit FY2028').press('Enter');
  await expect(page.getByTestId('notice-error')).toContainText('positive amounts');
});

test('Optimize finds the proven optimum, explains each proposal, and the frontier is drawn', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Proposals' }).click();
  await page.getByRole('button', { name: 'Optimize' }).click();
  const result = page.getByTestId('optimizer-result');
  await expect(result).toContainText('Proven optimum');
  const grid = page.getByTestId('proposal-grid');
  // The mandatory retrofit is always in; of the two SMT vendors at most one is.
  await expect(grid.locator('.ag-row[row-index]').filter({ hasText: 'Plant safety retrofit' }).locator('[col-id="optimal"]')).toHaveText('In');
  const vendors = await grid.locator('.ag-row[row-index]').filter({ hasText: 'SMT line' }).locator('[col-id="optimal"]').allInnerTexts();
  expect(vendors.filter((text) => text === 'In').length).toBeLessThanOrEqual(1);
  await grid.locator('.ag-row[row-index]').filter({ hasText: 'Security operations monitoring' }).locator('[col-id="title"]').click();
  await expect(page.getByTestId('optimizer-reason')).toContainText('Out: its NPV');
  // What forcing it in would cost: the optimum falls by at least its own negative NPV.
  await page.getByRole('button', { name: 'What if it were in?' }).click();
  await expect(page.getByTestId('what-if')).toContainText("With it in, the best portfolio's total NPV changes by -");
  await saveScreenshot(page, 'proposals-optimized');
  await page.getByRole('button', { name: 'Frontier…' }).click();
  const chart = page.getByTestId('frontier-dialog').getByTestId('frontier-chart').locator('svg');
  await expect(chart).toBeVisible({ timeout: 60_000 });
  // 25 points, each a symbol on the line, and today's caps marked.
  await expect(chart.locator('path[d*="A"], circle')).not.toHaveCount(0);
  await expect(chart).toContainText('today’s caps');
  await expect(chart).toContainText('Total capital budget, all years');
  await saveScreenshot(page, 'frontier');
});

test('funding the optimizer’s choice puts its costs in the budget sheet; undo takes them out', async ({ page, host }) => {
  await page.goto(host.url);
  const capexBefore = await page.locator('.ag-row-pinned[row-id="total-capex"] [col-id="year"]').innerText();
  await page.getByRole('tab', { name: 'Proposals' }).click();
  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(page.getByTestId('optimizer-result')).toContainText('Proven optimum');
  await page.getByRole('button', { name: 'Fund these…' }).click();
  const dialog = page.getByTestId('decision-dialog');
  await dialog.getByLabel('Reason').fill('Optimal portfolio under the FY2027–FY2031 caps');
  await dialog.getByRole('button', { name: 'Fund them' }).click();
  await expect(page.getByTestId('proposal-grid').locator('.ag-row[row-index]').filter({ hasText: 'Plant safety retrofit' }).locator('[col-id="status"]')).toHaveText('funded');
  await page.getByRole('tab', { name: 'Budget' }).click();
  // Capital expenses now include the funded proposals' first-year capital.
  await expect(page.locator('.ag-row-pinned[row-id="total-capex"] [col-id="year"]')).not.toHaveText(capexBefore);
  await page.locator('.ag-row[row-id="g:d5"] .group-label').click();
  await expect(page.locator('.ag-row:not(.ag-row-pinned)').filter({ hasText: 'Plant safety retrofit (machine guarding) (capital)' })).toHaveCount(1);
  await saveScreenshot(page, 'budget-with-funded-proposals');
  // Funding the portfolio was one step: undo takes every line out again.
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('button', { name: 'Redo' })).toHaveAttribute('title', /Redo fund \d+ proposals/);
  await expect(page.locator('.ag-row:not(.ag-row-pinned)').filter({ hasText: 'Plant safety retrofit (machine guarding) (capital)' })).toHaveCount(0);
  await expect(page.locator('.ag-row-pinned[row-id="total-capex"] [col-id="year"]')).toHaveText(capexBefore);
});

test('funding the optimizer’s whole choice asks once where all their costs go, and each proposal remembers it', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Proposals' }).click();
  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(page.getByTestId('optimizer-result')).toContainText('Proven optimum');
  const chosen = Number((await page.getByTestId('optimizer-result').innerText()).match(/(\d+) proposals/)?.[1]);
  await page.getByRole('button', { name: 'Fund these…' }).click();
  const dialog = page.getByTestId('decision-dialog');
  await expect(dialog.getByRole('heading')).toHaveText(/^Fund the \d+ proposals the optimizer chose$/);
  await expect(dialog.getByTestId('fund-where')).toContainText('One choice for all');
  await dialog.getByLabel('Capital costs: account').selectOption({ label: '1600 IT hardware' });
  await dialog.getByLabel('Capital costs: first month').selectOption({ label: 'Jun' });
  await dialog.getByLabel('Operating costs: account').selectOption({ label: '6300 Software & subscriptions' });
  await dialog.getByLabel('Operating costs: first month').selectOption({ label: 'Apr' });
  await expect(dialog.getByTestId('fund-capital-preview')).toContainText('Each year in Jun–Dec, spread evenly: year 1 is');
  await dialog.getByLabel('Reason').fill('Optimal portfolio under the caps');
  await saveScreenshot(page, 'fund-chosen-where');
  const before = decisionCount(host.dataDir);
  await dialog.getByRole('button', { name: 'Fund them' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => decisionCount(host.dataDir)).toBeGreaterThan(before);
  expect(decisionCount(host.dataDir) - before).toBeLessThanOrEqual(chosen);

  // One of them, reopened and funded again, proposes where the whole choice went.
  const grid = page.getByTestId('proposal-grid');
  const funded = grid.locator('.ag-row[row-index]').filter({ has: page.locator('[col-id="status"]', { hasText: 'funded' }) }).filter({ hasNotText: 'mandatory' }).first();
  const status = grid.locator(`.ag-row[row-id="${(await funded.getAttribute('row-id')) ?? ''}"] [col-id="status"]`);
  await status.click();
  await page.keyboard.press('p');
  await dialog.getByLabel('Reason').fill('Scope to be reviewed');
  await dialog.getByRole('button', { name: 'Reopen' }).click();
  await expect(status).toHaveText('proposed');
  await status.click();
  await page.keyboard.press('f');
  await expect(dialog.getByTestId('fund-where')).toContainText('where they went when it was last funded');
  await expect(dialog.getByLabel('Capital costs: account').locator('option:checked')).toHaveText('1600 IT hardware');
  await expect(dialog.getByLabel('Capital costs: first month').locator('option:checked')).toHaveText('Jun');
  await expect(dialog.getByLabel('Operating costs: account').locator('option:checked')).toHaveText('6300 Software & subscriptions');
  await expect(dialog.getByLabel('Operating costs: first month').locator('option:checked')).toHaveText('Apr');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('session mode: sliders re-rank live, one-key decisions are logged, snapshots compare', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Proposals' }).click();
  await page.getByRole('button', { name: 'Session mode' }).click();
  const session = page.getByTestId('session-view');
  await expect(session.getByRole('separator')).toHaveText('Funding line');
  await session.getByRole('button', { name: 'Save snapshot…' }).click();
  await page.getByTestId('decision-dialog').getByLabel('Name').fill('Before the debate');
  await page.getByTestId('decision-dialog').getByRole('button', { name: 'Save snapshot' }).click();
  const firstBefore = await session.locator('.session-row[role="option"]').first().locator('.session-title').innerText();
  // Customer impact above all: the security monitoring (customer impact 5) leaves the top.
  await session.getByLabel('Session weight of Risk reduction').fill('0');
  await session.getByLabel('Session weight of Customer impact').fill('10');
  await expect(session.locator('.session-row[role="option"]').first().locator('.session-title')).not.toHaveText(firstBefore);
  // The first proposal is selected: F funds it, with a reason.
  await session.getByRole('listbox').focus();
  const first = await session.locator('.session-row[role="option"]').first().locator('.session-title').innerText();
  await page.keyboard.press('f');
  // In the meeting too, funding asks where the costs go, above the session.
  await expect(page.getByTestId('decision-dialog').getByTestId('fund-where')).toBeVisible();
  await page.getByTestId('decision-dialog').getByLabel('Reason').fill('Required by the OEM security audit');
  await saveScreenshot(page, 'session-fund-where');
  await page.getByTestId('decision-dialog').getByRole('button', { name: 'Fund' }).click();
  await expect(session.locator('.session-row[role="option"]').first().locator('.status-chip')).toHaveText('funded');
  await expect(session.getByTestId('decisions-log')).toContainText('Required by the OEM security audit');
  await saveScreenshot(page, 'session-mode');
  await session.getByLabel('Compare with snapshot').selectOption({ index: 1 });
  await expect(session.getByTestId('snapshot-differences')).toContainText(`“${first.replace(/mandatory$/, '').trim()}”`);
  await expect(session.getByTestId('snapshot-differences')).toContainText('proposed → funded');
  await saveScreenshot(page, 'session-compare');
  await session.getByRole('listbox').press('Escape');
  await expect(session).toHaveCount(0);
});

test('ranking by hand: dragging a proposal to the top reorders them, and undo restores the order', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Proposals' }).click();
  await page.getByLabel('Rank by').selectOption('manual');
  const before = await rankedTitles(page);
  const grid = page.getByTestId('proposal-grid');
  const third = grid.locator('.ag-row[row-index="2"] .ag-row-drag');
  const first = grid.locator('.ag-row[row-index="0"]');
  await third.hover();
  await page.mouse.down();
  const box = await first.boundingBox();
  if (box === null) throw new Error('no first row');
  await page.mouse.move(box.x + 30, box.y + 4, { steps: 12 });
  await page.mouse.up();
  await expect.poll(() => rankedTitles(page).then((titles) => titles[0])).toBe(before[2]);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', /rank the proposals by hand/);
  await page.keyboard.press('Control+z');
  await expect.poll(() => rankedTitles(page).then((titles) => titles.slice(0, 3))).toEqual(before.slice(0, 3));
});

test('a new workbook starts with no proposals and says what to do; one is added, deleted, and brought back', async ({ page, host }) => {
  await page.goto(host.url);
  await chooseMenu(page, 'file.new');
  await page.getByTestId('new-dialog').getByLabel('Name').fill('Capital plan');
  await page.getByTestId('new-dialog').getByRole('button', { name: 'Create' }).click();
  await expect(page.getByTestId('workbook-name')).toHaveText('Capital plan');
  await page.getByRole('tab', { name: 'Proposals' }).click();
  const view = page.getByTestId('proposals-view');
  await expect(view).toContainText('No proposals yet');
  // The sample's criteria come with a new workbook: nothing to complain about before the first proposal.
  await expect(view.getByLabel('Weight of Strategic alignment')).toBeVisible();
  await expect(view.locator('.ranking-problem')).toHaveCount(0);
  await saveScreenshot(page, 'proposals-empty');
  await view.locator('.empty-portfolio').getByRole('button', { name: 'Add proposal' }).click();
  const dialog = page.getByTestId('add-proposal-dialog');
  await dialog.getByLabel('Title').fill('Automated optical inspection');
  await dialog.getByLabel('Department').selectOption({ label: 'Operations' });
  await dialog.getByRole('button', { name: 'Add proposal' }).click();
  const detail = page.getByTestId('proposal-detail');
  await expect(detail.getByLabel('Title')).toHaveValue('Automated optical inspection');
  await detail.getByLabel('Capital cost FY2027').fill('120,000');
  await detail.getByLabel('Capital cost FY2027').press('Enter');
  await expect(page.getByTestId('proposal-grid').locator('.ag-row[row-index="0"] [col-id="capital"]')).toHaveText('120,000');
  await detail.getByRole('button', { name: 'Delete this proposal…' }).click();
  await page.getByTestId('delete-proposal-dialog').getByRole('button', { name: 'Delete proposal' }).click();
  await expect(view).toContainText('No proposals yet');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('proposal-grid').locator('.ag-row[row-index="0"] [col-id="capital"]')).toHaveText('120,000');
});

test('a department minimum that cannot be met is named when optimizing; one that can is kept', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Proposals' }).click();
  await page.getByRole('button', { name: 'Minimums…' }).click();
  const dialog = page.getByTestId('minimums-dialog');
  await dialog.getByLabel('Minimum for R&D').fill('10,000,000');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(page.getByTestId('notice-error')).toContainText('R&D must get at least 10000000.00 of capital, but all its open proposals together ask for');
  await page.getByRole('button', { name: 'Minimums…' }).click();
  await dialog.getByLabel('Minimum for R&D').fill('1,000,000');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(page.getByTestId('optimizer-result')).toContainText('Proven optimum');
  // The cleanroom (780,000) is R&D's largest ask: without it R&D cannot reach 1,000,000, so it is in.
  await expect(page.getByTestId('proposal-grid').locator('.ag-row[row-index]').filter({ hasText: 'Cleanroom expansion' }).locator('[col-id="optimal"]')).toHaveText('In');
});

test('the ranking copies to a spreadsheet, and a block of cash flows pastes in one step', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Proposals' }).click();
  await page.getByLabel('Rank by').selectOption('manual');
  const grid = page.getByTestId('proposal-grid');
  const led = grid.locator('.ag-row[row-index]').filter({ hasText: 'LED lighting retrofit' });
  // The budget sheet's range keys: Shift+arrows select along the row, Ctrl+C copies exact figures.
  await led.locator('[col-id="rank"]').click();
  for (let step = 0; step < 4; step += 1) await page.keyboard.press('Shift+ArrowRight');
  const one = await copySelection(page);
  expect(one.text).toBe('16\tLED lighting retrofit\tG&A\tproposed\t70000.00');
  await expect(led.locator('.cell-in-range')).toHaveCount(5);
  await page.keyboard.press('Control+a');
  const all = await copySelection(page);
  const lines = all.text.split('\n');
  expect(lines).toHaveLength(27);
  expect(lines[0]).toMatch(/^1\t/);
  expect(all.html).toContain('<td>Warehouse automation (shuttle AS/RS)</td>');
  // The ranking's figures are computed: a paste there is refused with the way to the inputs.
  await pasteText(page, '5');
  const refusal = page.getByTestId('notice-error').filter({ hasText: 'switch to the Sheet view' });
  await expect(refusal).toBeVisible();
  await refusal.getByRole('button', { name: 'Dismiss' }).click();

  // Two rows of three years from a spreadsheet: capital costs, then operating costs.
  const detail = page.getByTestId('proposal-detail');
  await detail.getByLabel('Capital cost FY2027').focus();
  await pasteText(page, '80,000\t5,000\t1,000\n2,500\t2,500\t2,500');
  await expect(detail.getByLabel('Capital cost FY2029')).toHaveValue('1,000');
  await expect(detail.getByLabel('Operating cost FY2029')).toHaveValue('2,500');
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', /cash flows of “LED lighting retrofit”/);
  // A block with something that is not an amount is refused whole.
  await detail.getByLabel('Benefit FY2028').focus();
  await pasteText(page, '30000\tlots');
  await expect(page.getByTestId('notice-error')).toContainText('Nothing was pasted. Row 1, column 2 of the block');
  await expect(detail.getByLabel('Benefit FY2028')).toHaveValue('26,000');
  await page.keyboard.press('Escape');
  await grid.locator('.ag-row[row-index="0"] [col-id="status"]').click();
  await page.keyboard.press('Control+z');
  await led.locator('[col-id="status"]').click();
  await expect(detail.getByLabel('Capital cost FY2027')).toHaveValue('70,000');
});

test('the proposals sheet takes typing, pastes, fills and clears as the budget sheet does, each one undo step', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Proposals' }).click();
  await page.getByLabel('Rank by').selectOption('manual');
  await page.getByRole('button', { name: 'Sheet', exact: true }).click();
  const grid = page.getByTestId('proposal-grid');
  await expect(grid).toHaveAttribute('data-layout', 'sheet');
  // A row's cells sit in two containers (the pinned title and the rest): match both by row index.
  const row = (index: string) => grid.locator(`.ag-row[row-index="${index}"]`);
  // Rows by ranking position (ranked by hand, the order is fixed): the LED retrofit is 16th.
  const led = row('15');
  const next = row('16');
  const undo = page.getByRole('button', { name: 'Undo', exact: true });

  // Typing into a cell saves it.
  await led.locator('[col-id="owner"]').click();
  await page.keyboard.type('Morgan Lee');
  await page.keyboard.press('Enter');
  await expect(led.locator('[col-id="owner"]')).toHaveText('Morgan Lee');
  await expect(undo).toHaveAttribute('title', /edit Owner of “LED lighting retrofit”/);

  // A block from a spreadsheet: two proposals × three years of capital, one step.
  await led.locator('[col-id="capex-0"]').click();
  await pasteText(page, '80,000\t5,000\t1,000\n2,500\t2,500\t2,500');
  await expect(led.locator('[col-id="capex-2"]')).toHaveText('1,000');
  await expect(next.locator('[col-id="capex-1"]')).toHaveText('2,500');
  await expect(undo).toHaveAttribute('title', /paste 6 cells/);
  await saveScreenshot(page, 'proposals-sheet');

  // Ctrl+D copies the first row of the selection down; Delete clears; each is one step.
  // The keys go to the cell with the keyboard focus: wait for the click to have given it.
  await led.locator('[col-id="capex-0"]').click();
  await expect(led.locator('[col-id="capex-0"]')).toBeFocused();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Control+d');
  await expect(next.locator('[col-id="capex-0"]')).toHaveText('80,000');
  await expect(next.locator('[col-id="capex-1"]')).toHaveText('5,000');
  await expect(undo).toHaveAttribute('title', /fill down 2 cells/);
  await page.keyboard.press('Delete');
  await expect(next.locator('[col-id="capex-0"]')).toHaveText('');
  await expect(led.locator('[col-id="capex-1"]')).toHaveText('');
  await page.keyboard.press('Control+z');
  await expect(led.locator('[col-id="capex-1"]')).toHaveText('5,000');

  // Bad cells are refused whole, naming the proposal and the column; nothing changes.
  await led.locator('[col-id="risk"]').click();
  await pasteText(page, 'high\t400\tyes');
  const badLife = page.getByTestId('notice-error').filter({ hasText: 'not a useful life' });
  await expect(badLife).toContainText('LED lighting retrofit, Life (years)');
  await expect(led.locator('[col-id="risk"]')).not.toHaveText('high');
  await badLife.getByRole('button', { name: 'Dismiss' }).click();
  await led.locator('[col-id="status"]').click();
  await pasteText(page, 'funded');
  await expect(page.getByTestId('notice-error')).toContainText('Status is set by decisions');

  // The ranking sees the new figures: the LED retrofit's capital is now 86,000.
  await page.getByRole('button', { name: 'Ranking', exact: true }).click();
  await expect(grid.locator('.ag-row[row-index]').filter({ hasText: 'LED lighting retrofit' }).locator('[col-id="capital"]')).toHaveText('86,000');
});

test('funding asks which accounts and months the costs go to, remembers the choice, and a second F records nothing', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Proposals' }).click();
  const row = page.getByTestId('proposal-grid').locator('.ag-row[row-index]').filter({ hasText: 'ERP upgrade to cloud edition' });
  const before = decisionCount(host.dataDir);
  await row.locator('[col-id="status"]').click();
  await page.keyboard.press('f');
  const dialog = page.getByTestId('decision-dialog');
  await expect(dialog).toContainText('Fund “ERP upgrade to cloud edition”');
  // The first time, the chart's first accounts over whole years are proposed, and said to be only that.
  await expect(dialog.getByTestId('fund-where')).toContainText('Tandem proposes the chart\'s first capital and operating accounts');
  await expect(dialog.getByLabel('Operating costs: account')).toHaveValue(/\d+/);
  await expect(dialog.getByLabel('Operating costs: account').locator('option:checked')).toHaveText('6000 Salaries');
  await dialog.getByLabel('Capital costs: account').selectOption({ label: '1600 IT hardware' });
  await dialog.getByLabel('Capital costs: first month').selectOption({ label: 'Mar' });
  await dialog.getByLabel('Capital costs: last month').selectOption({ label: 'Mar' });
  await dialog.getByLabel('Operating costs: account').selectOption({ label: '6300 Software & subscriptions' });
  await dialog.getByLabel('Operating costs: first month').selectOption({ label: 'Apr' });
  await expect(dialog.getByTestId('fund-capital-preview')).toContainText('Each year in Mar: year 1 is');
  await dialog.getByLabel('Reason').fill('Replaces an unsupported system');
  await saveScreenshot(page, 'proposal-fund-where');
  await dialog.getByRole('button', { name: 'Fund' }).click();
  await expect(row.locator('[col-id="status"]')).toHaveText('funded');
  const decisions = decisionCount(host.dataDir);
  expect(decisions).toBe(before + 1);

  // A second F on the funded proposal asks nothing and records nothing: it says why.
  await row.locator('[col-id="status"]').click();
  await page.keyboard.press('f');
  await expect(page.getByTestId('notice-info').filter({ hasText: 'Already funded: a second decision on “ERP upgrade to cloud edition” would record nothing new.' })).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', /fund “ERP upgrade to cloud edition”/);
  expect(decisionCount(host.dataDir)).toBe(decisions);

  // Reopened and funded again: the dialog proposes where its costs went the last time.
  await page.keyboard.press('p');
  await dialog.getByLabel('Reason').fill('Scope to be reviewed');
  await dialog.getByRole('button', { name: 'Reopen' }).click();
  await expect(row.locator('[col-id="status"]')).toHaveText('proposed');
  await row.locator('[col-id="status"]').click();
  await page.keyboard.press('f');
  await expect(dialog.getByTestId('fund-where')).toContainText('where they went when it was last funded');
  await expect(dialog.getByLabel('Capital costs: account').locator('option:checked')).toHaveText('1600 IT hardware');
  await expect(dialog.getByLabel('Capital costs: first month').locator('option:checked')).toHaveText('Mar');
  await expect(dialog.getByLabel('Operating costs: account').locator('option:checked')).toHaveText('6300 Software & subscriptions');
  await expect(dialog.getByLabel('Operating costs: first month').locator('option:checked')).toHaveText('Apr');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The history names the proposal, with the decision's reason and where its costs went.
  await chooseMenu(page, 'edit.history');
  const audit = page.getByTestId('audit-dialog');
  await audit.getByLabel('Contains').fill('ERP upgrade');
  const rows = audit.getByTestId('audit-table').locator('tbody tr');
  await expect(rows.filter({ hasText: 'Proposal “ERP upgrade to cloud edition” funded' }).first()).toContainText('Replaces an unsupported system');
  await expect(rows.filter({ hasText: 'where funding goes' }).first()).toContainText('capital to 1600 IT hardware in Mar; operating to 6300 Software & subscriptions in Apr–Dec');
  await expect(rows.filter({ hasText: /(proposal|line) \d/ })).toHaveCount(0);
  await saveScreenshot(page, 'history-names-proposals');
});

test('D on a mandatory proposal is refused before a reason is asked for, and the menu says why', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Proposals' }).click();
  const row = page.getByTestId('proposal-grid').locator('.ag-row[row-index]').filter({ hasText: 'Plant safety retrofit (machine guarding)' });
  const before = decisionCount(host.dataDir);
  await row.locator('[col-id="status"]').click();
  await page.keyboard.press('d');
  await expect(page.getByTestId('notice-info').filter({ hasText: 'Mandatory, so always funded: “Plant safety retrofit (machine guarding)” cannot be deferred' })).toBeVisible();
  await expect(page.getByTestId('decision-dialog')).toHaveCount(0);
  await page.getByTestId('menu-bar').getByRole('menuitem', { name: 'Proposals', exact: true }).click();
  const defer = page.locator('.menu-list [data-command="proposals.defer"]');
  await expect(defer).toHaveAttribute('aria-disabled', 'true');
  await expect(defer.locator('.menu-reason')).toContainText('Mandatory, so always funded');
  await expect(page.locator('.menu-list [data-command="proposals.fund"]')).toHaveAttribute('aria-disabled', 'false');
  await saveScreenshot(page, 'proposal-defer-mandatory-disabled');
  await page.keyboard.press('Escape');
  expect(decisionCount(host.dataDir)).toBe(before);
});
