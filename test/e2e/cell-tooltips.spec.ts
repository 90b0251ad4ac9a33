import { expect, test, cell, type Page } from './support/sheet-test';

/** The tooltip on screen (one fading out after its cell was left is not). */
const shownTooltip = (page: Page) => page.locator('.ag-tooltip:not(.ag-tooltip-hiding)');

// The budget grid's tooltips are shown by one set of listeners for the whole grid
// (renderer/grid/cell-tooltips.ts), in AG Grid's own tooltip element, instead of a tooltip
// manager set up on every cell drawn (issue 14).
test('the sheet shows its cells’ and headers’ tooltips on hover, and hides them when the pointer leaves or clicks', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = (await page.locator('.ag-row:not(.ag-row-pinned)').filter({ hasText: 'Digital campaigns' }).first().getAttribute('row-id')) ?? '';

  // A line's name: what F2 and Alt+Shift+arrows do. The cell is described by the tooltip.
  await cell(page, rowId, 'description').hover();
  await expect(shownTooltip(page)).toContainText('Digital campaigns');
  await expect(shownTooltip(page)).toContainText('F2 renames');
  await expect(shownTooltip(page)).toHaveClass(/ag-cell-tooltip/);
  const id = await shownTooltip(page).getAttribute('id');
  await expect(cell(page, rowId, 'description')).toHaveAttribute('aria-describedby', id ?? 'missing');
  // AG Grid's own (browser) tooltips are not used: no title on the cells.
  await expect(cell(page, rowId, 'description')).not.toHaveAttribute('title', /.*/);

  // Leaving the cell takes the tooltip away.
  await page.getByTestId('menu-bar').hover();
  await expect(shownTooltip(page)).toHaveCount(0);
  await expect(cell(page, rowId, 'description')).not.toHaveAttribute('aria-describedby', /.*/);

  // A comment shows on its cell, with its author.
  await cell(page, rowId, 'p2').click();
  await page.keyboard.press('Shift+F2');
  const dialog = page.getByTestId('comment-dialog');
  await dialog.getByLabel('Comment').fill('Spring launch: double the paid search budget?');
  await dialog.getByRole('button', { name: 'Add comment' }).click();
  await expect(cell(page, rowId, 'p2')).toHaveClass(/has-comment/);
  await cell(page, rowId, 'p2').hover();
  await expect(shownTooltip(page)).toContainText('Spring launch: double the paid search budget?');

  // A click in the cell hides it.
  await page.mouse.down();
  await page.mouse.up();
  await expect(shownTooltip(page)).toHaveCount(0);

  // A month's header says how to enter an amount.
  await page.locator('.ag-header-cell[col-id="p0"]').hover();
  await expect(shownTooltip(page)).toContainText('type an amount, Enter to save');
  await expect(shownTooltip(page)).toHaveClass(/ag-header-tooltip/);
});
