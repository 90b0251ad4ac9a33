import { expect, test } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';
import { chooseMenu } from './support/menu';

test('number display: negatives with a minus, blank zeros, apostrophe separators; drivers without decimals', async ({ page, host }) => {
  await page.goto(host.url);
  const operations = page.locator('.ag-row[row-id="g:d2"] [col-id="p0"]');
  await expect(operations).toHaveText(/^\(\d{1,3}(,\d{3})*\.\d{2}\)$/);
  const capexJanuary = page.locator('.ag-row-pinned[row-id="total-capex"] [col-id="p2"]');
  await expect(capexJanuary).toHaveText('–');

  await chooseMenu(page, 'view.display');
  const dialog = page.getByTestId('display-dialog');
  await dialog.getByLabel('With a minus: -1,250.00').check();
  await dialog.getByLabel('Blank').check();
  await dialog.getByLabel('Thousands separators').selectOption('de-CH');
  await expect(dialog).toContainText(/Preview: 1['’]234['’]567\.89 · -1['’]250\.00 · \(blank\)/);
  await saveScreenshot(page, 'display-dialog');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await expect(operations).toHaveText(/^-\d{1,3}(['’]\d{3})*\.\d{2}$/);
  await expect(capexJanuary).toHaveText('');
  // The settings are the user's: they survive a reload.
  await page.reload();
  await expect(operations).toHaveText(/^-\d{1,3}(['’]\d{3})*\.\d{2}$/);
});
