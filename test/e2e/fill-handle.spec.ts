import { cell, expect, rowIdOf, test } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';

test('dragging the fill handle repeats the selected months down over the lines below, as one undo step', async ({ page, host }) => {
  await page.goto(host.url);
  const source = await rowIdOf(page, 'Account executives (9 FTE)');
  const below = [await rowIdOf(page, 'Sales engineers (4 FTE)'), await rowIdOf(page, 'Benefits & payroll tax — Sales')];
  const january = await cell(page, source, 'p0').innerText();
  const february = await cell(page, source, 'p1').innerText();
  const before = await cell(page, below[1] ?? '', 'p0').innerText();

  await cell(page, source, 'p0').click();
  await page.keyboard.press('Shift+ArrowRight');
  const handleCell = cell(page, source, 'p1');
  await expect(handleCell).toHaveClass(/fill-handle-cell/);
  await saveScreenshot(page, 'fill-handle');
  const box = await handleCell.boundingBox();
  if (box === null) throw new Error('no cell box');
  await page.mouse.move(box.x + box.width - 3, box.y + box.height - 3);
  await page.mouse.down();
  const target = await cell(page, below[1] ?? '', 'p1').boundingBox();
  if (target === null) throw new Error('no target box');
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 5 });
  await page.mouse.up();

  for (const rowId of below) {
    await expect(cell(page, rowId, 'p0')).toHaveText(january);
    await expect(cell(page, rowId, 'p1')).toHaveText(february);
  }
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo fill 4 cells/);
  await page.keyboard.press('Control+z');
  await expect(cell(page, below[1] ?? '', 'p0')).toHaveText(before);
});
