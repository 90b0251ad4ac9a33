import { expect, test, cell, rowIdOf } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';

test('a line driven by a formula follows the line it uses; errors show in the cell and the formula bar', async ({ page, host }) => {
  await page.goto(host.url);
  // Show only R&D, where the sample's headcount drives salaries and benefits.
  for (const group of ['g:d1', 'g:d2']) await page.locator(`.ag-row[row-id="${group}"] .group-label`).click();
  const headcount = await rowIdOf(page, 'Engineering headcount');
  const salaries = await rowIdOf(page, 'Engineering salaries');
  const benefits = await rowIdOf(page, 'Engineering benefits & payroll tax');
  // A driver is a count: no decimals.
  await expect(cell(page, headcount, 'p0')).toHaveText('4');
  await expect(cell(page, salaries, 'p0')).toHaveText('38,000.00');
  await expect(cell(page, benefits, 'p0')).toHaveText('8,360.00');

  await cell(page, salaries, 'p0').click();
  await expect(page.getByLabel('Formula or value of the selected cell')).toHaveValue('=[Engineering headcount] * 9500');

  // More engineers in January: salaries and benefits follow at once.
  await cell(page, headcount, 'p0').click();
  await page.keyboard.type('6');
  await page.keyboard.press('Enter');
  await expect(cell(page, salaries, 'p0')).toHaveText('57,000.00');
  await expect(cell(page, benefits, 'p0')).toHaveText('12,540.00');
  await saveScreenshot(page, 'formulas');

  // A formula that names a line that does not exist is kept, and says why in the cells.
  await cell(page, benefits, 'p1').click();
  const bar = page.getByLabel('Formula or value of the selected cell');
  await bar.fill('=[Engineering salary] * 22%');
  await bar.press('Enter');
  await expect(cell(page, benefits, 'p1')).toHaveText('#ERROR');
  await expect(cell(page, benefits, 'year')).toHaveText('#ERROR');
  await expect(page.getByTestId('notice-error')).toContainText('no line named “Engineering salary”');
  await saveScreenshot(page, 'formula-error');

  // Typing an amount into a formula line is refused with the reason; undo brings the good formula back.
  await cell(page, benefits, 'p2').click();
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice-error').last()).toContainText('computed by its formula');
  await page.keyboard.press('Control+z');
  await expect(cell(page, benefits, 'p0')).toHaveText('12,540.00');
});

test('typing = and a formula into a month makes the line a formula line; a cycle is reported', async ({ page, host }) => {
  await page.goto(host.url);
  const visits = await rowIdOf(page, 'Customer visits');
  const shows = await rowIdOf(page, 'Trade shows — travel');
  await cell(page, visits, 'p0').click();
  await page.keyboard.type('=[Trade shows — travel] * 2');
  await page.keyboard.press('Enter');
  const doubled = await cell(page, shows, 'p3').innerText();
  const cents = BigInt(doubled.replace(/[,.]/g, '')) * 2n;
  await expect(cell(page, visits, 'p3')).toHaveText(`${(cents / 100n).toLocaleString('en-US')}.${(cents % 100n).toString().padStart(2, '0')}`);

  await cell(page, shows, 'p0').click();
  await page.keyboard.type('=[Customer visits] + 1');
  await page.keyboard.press('Enter');
  await expect(cell(page, visits, 'p0')).toHaveText('#ERROR');
  await expect(cell(page, shows, 'p0')).toHaveText('#ERROR');
  await cell(page, shows, 'p0').click();
  await expect(page.getByTestId('formula-bar')).toContainText('Circular reference');
});
