import { cell, expect, rowIdOf, test } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';

test('right-click and Shift+F10 open the sheet’s menu; departments are managed from it', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Trade show booths');
  await cell(page, rowId, 'p1').click({ button: 'right' });
  const menu = page.getByTestId('context-menu');
  await expect(menu.getByRole('menuitem', { name: /Comment on the cell/ })).toBeVisible();
  await expect(menu).toContainText('Alt+Shift+↑');
  await saveScreenshot(page, 'context-menu');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  await cell(page, rowId, 'p1').click();
  await page.keyboard.press('Shift+F10');
  await menu.getByRole('menuitem', { name: /Departments and accounts/ }).click();
  const dialog = page.getByTestId('dimensions-dialog');
  await dialog.getByLabel('New department', { exact: true }).fill('Customer success');
  await dialog.getByLabel('New department belongs to').selectOption({ label: 'Commercial' });
  await dialog.getByRole('button', { name: 'Add department' }).click();
  await expect(dialog.getByLabel('Name of Customer success')).toBeVisible();
  // Added under Commercial: the dialog lists it there, and it can be moved to the top.
  await expect(dialog.getByLabel('Customer success belongs to')).toHaveValue(String(5));
  await dialog.getByLabel('Name of Sales').fill('Sales & marketing');
  await dialog.getByLabel('Name of Sales').press('Enter');
  await saveScreenshot(page, 'departments-dialog');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('.ag-row[row-id="g:d1"]')).toContainText('Sales & marketing');
});
