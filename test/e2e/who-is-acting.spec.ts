import { userInfo } from 'node:os';
import { cell, expect, rowIdOf, test, type Page } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';

const loginName = userInfo().username;

/** Runs a command from the menu bar, as a user who clicks does. */
async function fromMenu(page: Page, menu: string, command: string): Promise<void> {
  await page.getByTestId('menu-bar').getByRole('menuitem', { name: menu, exact: true }).click();
  await page.locator(`[data-command="${command}"]`).first().click();
}

test.describe('a first start, before the user has said who they are', () => {
  test.use({ userName: null });

  test('asks who is using Tandem over the sample; every change is then recorded under that name, never the login name', async ({ page, host }) => {
    await page.goto(host.url);
    const prompt = page.getByTestId('first-run-name');
    await expect(prompt.getByRole('heading')).toHaveText('Who is using Tandem?');
    await expect(prompt).toContainText('every change, decision, comment and approval');
    // The login name is offered, not taken: it is recorded only if the user confirms it.
    await expect(prompt.getByLabel('Your name')).toHaveValue(loginName);
    await expect(prompt.getByLabel('Your name')).toBeFocused();
    await expect(page.locator('[data-testid="budget-grid"] .ag-row').first()).toBeAttached();
    await saveScreenshot(page, 'first-run-name-prompt');

    // It cannot be dismissed, nor answered with a blank name.
    await page.keyboard.press('Escape');
    await page.mouse.click(10, 450);
    await expect(prompt).toBeVisible();
    await prompt.getByLabel('Your name').fill('   ');
    await expect(prompt.getByRole('button', { name: 'Continue' })).toBeDisabled();
    await prompt.getByLabel('Your name').fill('Maria Lopez');
    await page.keyboard.press('Enter');
    await expect(prompt).toHaveCount(0);

    const rowId = await rowIdOf(page, 'Customer visits');
    const march = cell(page, rowId, 'p2');
    await march.click();
    await page.keyboard.type('2,000');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

    await fromMenu(page, 'Edit', 'edit.history');
    const audit = page.getByTestId('audit-dialog');
    const rows = audit.getByTestId('audit-table').locator('tbody tr');
    await expect(rows.first()).toContainText('Customer visits');
    await expect(rows.first().locator('td').nth(1)).toHaveText('Maria Lopez');
    const who = await rows.evaluateAll((found) => found.map((row) => row.querySelectorAll('td')[1]?.textContent ?? ''));
    expect(who).not.toContain(loginName);
    const everyone = await audit.getByLabel('Who').locator('option').allInnerTexts();
    expect(everyone).toContain('Maria Lopez');
    expect(everyone).not.toContain(loginName);
    await audit.getByRole('button', { name: 'Close' }).click();

    // Reloaded, the app knows the name: no prompt again.
    await page.reload();
    await expect(page.locator('[data-testid="budget-grid"] .ag-row').first()).toBeAttached();
    await expect(page.getByTestId('first-run-name')).toHaveCount(0);
  });
});

test('a workbook that asks for another approver refuses the submitter’s approval with the reason; another name approves', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('version-status')).toHaveText('Draft');
  await fromMenu(page, 'File', 'app.workbook-settings');
  const settings = page.getByTestId('workbook-settings-dialog');
  const rule = settings.getByRole('checkbox', { name: 'The approver of a version must not be the person who submitted it' });
  await expect(rule).not.toBeChecked();
  await rule.check();
  await saveScreenshot(page, 'workbook-settings');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toHaveCount(0);

  const dialog = page.getByTestId('approval-dialog');
  await page.getByRole('button', { name: 'Submit…' }).click();
  await expect(dialog.getByTestId('acting-as')).toHaveText('Submitting as Ana Controller');
  await dialog.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.getByTestId('version-status')).toHaveText('Submitted');

  await page.getByRole('button', { name: 'Approve…' }).click();
  await expect(dialog.getByTestId('acting-as')).toHaveText('Approving as Ana Controller');
  await dialog.getByRole('button', { name: 'Approve' }).click();
  await expect(dialog.getByTestId('approval-refusal')).toHaveText('Ana Controller submitted this version; this workbook requires another person to approve it. It stays submitted.');
  await expect(page.getByTestId('version-status')).toHaveText('Submitted');
  await saveScreenshot(page, 'approval-refused-same-person');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Another person, by name, approves.
  await fromMenu(page, 'File', 'app.user-name');
  const name = page.getByTestId('user-name-dialog');
  await expect(name.getByLabel('Your name')).toHaveValue('Ana Controller');
  await name.getByLabel('Your name').fill('Ben Ops');
  await name.getByRole('button', { name: 'Save' }).click();
  await expect(name).toHaveCount(0);
  await page.getByRole('button', { name: 'Approve…' }).click();
  await expect(dialog.getByTestId('acting-as')).toHaveText('Approving as Ben Ops');
  await dialog.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('version-status')).toHaveText(/Approved/);
  await expect(page.getByTestId('approved-banner')).toContainText('Approved by Ben Ops');
});
