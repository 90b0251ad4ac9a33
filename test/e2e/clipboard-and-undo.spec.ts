import { expect, test, cell, copySelection, pasteText, rowIdOf } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';

test('a block pasted from Excel fills the cells at the cursor, and one undo takes it all back', async ({ page, host }) => {
  await page.goto(host.url);
  const first = await rowIdOf(page, 'Customer visits');
  const second = await rowIdOf(page, 'Trade shows — travel');
  const before = [await cell(page, first, 'p1').innerText(), await cell(page, first, 'p2').innerText(), await cell(page, second, 'p1').innerText()];
  const yearBefore = await cell(page, first, 'year').innerText();

  await cell(page, first, 'p1').click();
  await pasteText(page, '1,000.00\t(250)\r\n3k\t\r\n');
  await expect(cell(page, first, 'p1')).toHaveText('1,000.00');
  await expect(cell(page, first, 'p2')).toHaveText('(250.00)');
  await expect(cell(page, second, 'p1')).toHaveText('3,000.00');
  await expect(cell(page, second, 'p2')).toHaveText('');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo paste 4 cells (Ctrl+Z)');
  await saveScreenshot(page, 'after-paste');

  await page.keyboard.press('Control+z');
  await expect(cell(page, first, 'p1')).toHaveText(before[0] ?? '');
  await expect(cell(page, first, 'p2')).toHaveText(before[1] ?? '');
  await expect(cell(page, second, 'p1')).toHaveText(before[2] ?? '');
  await expect(cell(page, first, 'year')).toHaveText(yearBefore);

  await page.keyboard.press('Control+y');
  await expect(cell(page, first, 'p1')).toHaveText('1,000.00');
  await page.reload();
  await expect(cell(page, first, 'p1')).toHaveText('1,000.00');
  await expect(cell(page, second, 'p1')).toHaveText('3,000.00');
});

test('Shift+arrows select a range that copies as tab-separated text and an HTML table', async ({ page, host }) => {
  await page.goto(host.url);
  const first = await rowIdOf(page, 'Calibration services');
  const second = await rowIdOf(page, 'Extended warranties');
  await cell(page, first, 'p0').click();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.locator('.cell-in-range')).toHaveCount(4);
  const raw = (text: string) => text.replace(/,/g, '').replace(/\.00$/, '').replace(/(\.\d)0$/, '$1');
  const expected = [
    [raw(await cell(page, first, 'p0').innerText()), raw(await cell(page, first, 'p1').innerText())].join('\t'),
    [raw(await cell(page, second, 'p0').innerText()), raw(await cell(page, second, 'p1').innerText())].join('\t'),
  ].join('\n');
  const copied = await copySelection(page);
  expect(copied.text).toBe(expected);
  expect(copied.html).toMatch(/^<table><tr><td>[\d.]+<\/td><td>[\d.]+<\/td><\/tr><tr>/);
  await saveScreenshot(page, 'range-selected');
});

test('Delete clears a dragged range, Ctrl+D fills down, a single value pasted fills the range; each is one undo step', async ({ page, host }) => {
  await page.goto(host.url);
  const top = await rowIdOf(page, 'Account executives (9 FTE)');
  const middle = await rowIdOf(page, 'Sales engineers (4 FTE)');
  const bottom = await rowIdOf(page, 'Benefits & payroll tax — Sales');
  const topJanuary = await cell(page, top, 'p0').innerText();

  // Drag from the middle line's January to the bottom line's February.
  await cell(page, middle, 'p0').hover();
  await page.mouse.down();
  await cell(page, bottom, 'p1').hover();
  await page.mouse.up();
  await expect(page.locator('.cell-in-range')).toHaveCount(4);
  await page.keyboard.press('Delete');
  for (const rowId of [middle, bottom]) for (const colId of ['p0', 'p1']) await expect(cell(page, rowId, colId)).toHaveText('');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo clear 4 cells (Ctrl+Z)');

  // Fill the top line's January down over the two lines below.
  await cell(page, top, 'p0').click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Control+d');
  await expect(cell(page, middle, 'p0')).toHaveText(topJanuary);
  await expect(cell(page, bottom, 'p0')).toHaveText(topJanuary);

  // One copied value pasted over a selection fills all of it.
  await cell(page, middle, 'p1').click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await pasteText(page, '12.5\r\n');
  for (const rowId of [middle, bottom]) for (const colId of ['p1', 'p2']) await expect(cell(page, rowId, colId)).toHaveText('12.50');

  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(cell(page, middle, 'p0')).toHaveText('');
  await page.keyboard.press('Control+z');
  await expect(cell(page, middle, 'p0')).not.toHaveText('');
  await expect(page.getByRole('button', { name: 'Redo' })).toHaveAttribute('title', 'Redo clear 4 cells (Ctrl+Y)');
});

test('a paste with a cell that is not a number is refused whole, naming the cell', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Utilities');
  const before = await cell(page, rowId, 'p0').innerText();
  await cell(page, rowId, 'p0').click();
  await pasteText(page, '100\t200\n300\tTBD\n');
  const error = page.getByTestId('notice-error');
  await expect(error).toContainText('Nothing was pasted. Row 2, column 2 of the pasted block: "TBD" is not an amount');
  await expect(error).toContainText('Maintenance & repairs, Feb 2027');
  await expect(cell(page, rowId, 'p0')).toHaveText(before);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await saveScreenshot(page, 'paste-refused');
});

test('undo reaches typed edits and deleted lines, and survives a reload', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'CRM licences');
  const before = await cell(page, rowId, 'p4').innerText();
  await cell(page, rowId, 'p4').click();
  await page.keyboard.type('999');
  await page.keyboard.press('Enter');
  await expect(cell(page, rowId, 'p4')).toHaveText('999.00');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo edit CRM licences, May 2027 (Ctrl+Z)');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cell(page, rowId, 'p4')).toHaveText(before);

  await cell(page, rowId, 'p0').click();
  await page.keyboard.press('Control+Shift+K');
  await page.getByTestId('delete-line-dialog').getByRole('button', { name: 'Delete line' }).click();
  await expect(page.locator('.ag-row').filter({ hasText: 'CRM licences' })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(cell(page, rowId, 'p4')).toHaveText(before);
});
