import { readFile } from 'node:fs/promises';
import { cell, expect, pasteText, rowIdOf, test } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';
import { chooseMenu } from './support/menu';

test('a version is submitted and approved with a name; then edits are refused until it is reopened with a reason', async ({ page, host }) => {
  await page.goto(host.url);
  const status = page.getByTestId('version-status');
  await expect(status).toHaveText('Draft');

  await page.getByRole('button', { name: 'Submit…' }).click();
  const dialog = page.getByTestId('approval-dialog');
  await expect(dialog.getByTestId('acting-as')).toHaveText('Submitting as Ana Controller');
  await dialog.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(status).toHaveText('Submitted');

  await page.getByRole('button', { name: 'Approve…' }).click();
  await expect(dialog.getByTestId('acting-as')).toHaveText('Approving as Ana Controller');
  await dialog.getByRole('button', { name: 'Approve' }).click();
  await expect(status).toHaveText(/Approved/);
  await expect(page.getByTestId('approved-banner')).toContainText('Approved by Ana Controller');

  // Typing, pasting and adding a line are refused, naming who approved; nothing changes.
  const rowId = await rowIdOf(page, 'Customer visits');
  const january = cell(page, rowId, 'p0');
  const before = await january.innerText();
  await january.click();
  await page.keyboard.type('999');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice-error').first()).toContainText('was approved by Ana Controller');
  await expect(january).toHaveText(before);
  await january.click();
  await pasteText(page, '1\t2');
  await expect(january).toHaveText(before);
  // Adding a line is not offered at all: the command is disabled, saying why.
  const addLine = page.locator('.toolbar [data-command="data.add-line"]');
  await expect(addLine).toBeDisabled();
  await expect(addLine).toHaveAttribute('title', /is approved: reopen it to change it/);
  await saveScreenshot(page, 'approved-version');

  // Reopening needs a reason; then the sheet takes edits again.
  await page.getByTestId('approved-banner').getByRole('button', { name: 'Reopen…' }).click();
  await expect(dialog.getByRole('button', { name: 'Reopen' })).toBeDisabled();
  await dialog.getByLabel('Reason').fill('Freight rates changed in March');
  await dialog.getByRole('button', { name: 'Reopen' }).click();
  await expect(status).toHaveText('Draft');
  await expect(page.getByTestId('approved-banner')).toHaveCount(0);
  await january.click();
  await page.keyboard.type('1,500');
  await page.keyboard.press('Enter');
  await expect(january).toHaveText('1,500.00');
});

test('the audit trail shows a cell’s history from its menu, filters the log, and exports it as CSV', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Customer visits');
  const march = cell(page, rowId, 'p2');
  const before = await march.innerText();
  await march.click();
  await page.keyboard.type('2,000');
  await page.keyboard.press('Enter');
  await march.click();
  await page.keyboard.type('2,250.75');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  await march.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'History of the cell…' }).click();
  const audit = page.getByTestId('audit-dialog');
  await expect(audit.getByRole('heading')).toContainText('History of “Customer visits”');
  const rows = audit.getByTestId('audit-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator('td').nth(5)).toHaveText('2,000');
  await expect(rows.nth(0).locator('td').nth(6)).toHaveText('2,250.75');
  await expect(rows.nth(1).locator('td').nth(5)).toHaveText(before === '' || before === '–' ? '—' : before.replace(/\.00$/, ''));
  await saveScreenshot(page, 'audit-cell-history');
  await audit.getByRole('button', { name: 'Close' }).click();

  // The whole log, filtered to approval moves after one submit.
  await page.getByRole('button', { name: 'Submit…' }).click();
  await page.getByTestId('approval-dialog').getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.getByTestId('version-status')).toHaveText('Submitted');
  await chooseMenu(page, 'edit.history');
  await audit.getByLabel('Kind of change').selectOption('status');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('submit for approval');
  await audit.getByLabel('Kind of change').selectOption('');
  await audit.getByLabel('Contains').fill('2250.75');
  await expect(rows).toHaveCount(1);

  const downloading = page.waitForEvent('download');
  await audit.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await downloading).path();
  const csv = await readFile(file, 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('When (UTC),Who,Action,Kind,What,Month,Before,After');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2}T[^,]+,[^,]+,"edit Customer visits, Mar 2027",Values,Customer visits \(Sales\),Mar 2027,2000,2250\.75$/);
});
