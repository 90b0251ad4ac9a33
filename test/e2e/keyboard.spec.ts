import { expect, test, cell, cursor, rowIdOf } from './support/sheet-test';

test('Excel keys: Tab saves and moves right without editing, Home/End, Ctrl+arrows to the edge of the data', async ({ page, host }) => {
  await page.goto(host.url);
  // Collapse Sales so the Operations capital purchases are on screen.
  await page.locator('.ag-row[row-id="g:d1"] .group-label').click();
  const rowId = await rowIdOf(page, 'Pick-and-place machine');
  // This line has one amount, in April: Ctrl+Right from January stops there, then at December.
  await cell(page, rowId, 'p0').click();
  await page.keyboard.press('Control+ArrowRight');
  await expect.poll(() => cursor(page)).toBe(`${rowId}:p3`);
  await page.keyboard.press('Control+ArrowRight');
  await expect.poll(() => cursor(page)).toBe(`${rowId}:p11`);
  await page.keyboard.press('Home');
  await expect.poll(() => cursor(page)).toBe(`${rowId}:p0`);
  await page.keyboard.press('End');
  await expect.poll(() => cursor(page)).toBe(`${rowId}:p11`);

  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => cursor(page)).toBe(`${rowId}:p1`);
  await page.keyboard.type('250');
  await page.keyboard.press('Tab');
  await expect(cell(page, rowId, 'p1')).toHaveText('250.00');
  await expect.poll(() => cursor(page)).toBe(`${rowId}:p2`);
  await expect(page.locator('.ag-cell-inline-editing')).toHaveCount(0);
  await page.keyboard.type('75');
  await page.keyboard.press('Shift+Tab');
  await expect(cell(page, rowId, 'p2')).toHaveText('75.00');
  await expect.poll(() => cursor(page)).toBe(`${rowId}:p1`);

  // Ctrl+Home goes to the first line's first month (group rows hold no entries).
  await page.keyboard.press('Control+Home');
  await expect.poll(() => cursor(page)).toBe(`${await rowIdOf(page, 'Sensor components')}:p0`);
});

test('Ctrl+Shift+Down selects to the end of the data; Ctrl+A selects every month cell', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Sensor kits — North America');
  await cell(page, rowId, 'p0').click();
  await page.keyboard.press('Control+Shift+ArrowDown');
  // The Sales revenue group holds five lines, all with January amounts; the next group row ends the data.
  await expect(page.locator('.cell-in-range')).toHaveCount(5);
  await expect(cell(page, await rowIdOf(page, 'Extended warranties'), 'p0')).toHaveClass(/cell-in-range/);
  await page.keyboard.press('Escape');
  await expect(page.locator('.cell-in-range')).toHaveCount(0);
  await page.keyboard.press('Control+a');
  await expect(page.locator(`.ag-row[row-id="${rowId}"] .cell-in-range`).first()).toBeVisible();
});
