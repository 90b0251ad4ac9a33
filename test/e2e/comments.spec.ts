import { expect, test, cell } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';

test('Shift+F2 comments on a cell: a marker shows on it and the side panel lists it', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = (await page.locator('.ag-row:not(.ag-row-pinned)').filter({ hasText: 'Digital campaigns' }).first().getAttribute('row-id')) ?? '';
  await expect(cell(page, rowId, 'p2')).not.toHaveClass(/has-comment/);
  await cell(page, rowId, 'p2').click();
  await page.keyboard.press('Shift+F2');
  const dialog = page.getByTestId('comment-dialog');
  await expect(dialog).toContainText('Digital campaigns · Mar 2027');
  await dialog.getByLabel('Comment').fill('Spring launch: double the paid search budget?');
  await dialog.getByRole('button', { name: 'Add comment' }).click();

  await expect(cell(page, rowId, 'p2')).toHaveClass(/has-comment/);
  const panel = page.getByTestId('comments-panel');
  await expect(panel).toContainText('Digital campaigns · Mar 2027');
  await expect(panel).toContainText('Spring launch: double the paid search budget?');
  // The sample's own comments are listed too.
  await expect(panel).toContainText('Pick-and-place machine (whole line)');
  await expect(panel.locator('.comment')).toHaveCount(4);
  await saveScreenshot(page, 'comments');

  await panel.locator('.comment').filter({ hasText: 'Spring launch' }).getByRole('button', { name: 'Delete' }).click();
  await expect(cell(page, rowId, 'p2')).not.toHaveClass(/has-comment/);
  await page.keyboard.press('Control+z');
  await expect(cell(page, rowId, 'p2')).toHaveClass(/has-comment/);
});
