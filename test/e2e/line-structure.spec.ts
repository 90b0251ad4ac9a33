import { cell, expect, rowIdOf, test } from './support/sheet-test';

test('F2 on a line’s name renames it, and Alt+Shift+↓ moves it below the next line', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Sensor kits — North America');
  await cell(page, rowId, 'description').click();
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Sensor kits — Americas');
  await page.keyboard.press('Enter');
  await expect(cell(page, rowId, 'description')).toHaveText('Sensor kits — Americas');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo rename “Sensor kits — North America” to “Sensor kits — Americas” (Ctrl+Z)');

  const next = await rowIdOf(page, 'Sensor kits — Europe');
  const rowIndex = async (id: string) => Number(await page.locator(`.ag-row[row-id="${id}"]`).first().getAttribute('row-index'));
  const before = await rowIndex(rowId);
  await cell(page, rowId, 'p0').click();
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect.poll(() => rowIndex(rowId)).toBe(before + 1);
  expect(await rowIndex(next)).toBe(before);
  await page.keyboard.press('Control+z');
  await expect.poll(() => rowIndex(rowId)).toBe(before);
});
