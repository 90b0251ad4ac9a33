import { COMMANDS, MENUS, MENU_LABELS, menuSections, type COMMAND_IDS, type CommandDefinition } from '../../shared/commands/command-table';
import { shortcutFor, shortcutLabel } from '../../shared/commands/shortcut';
import { cell, expect, rowIdOf, test, type Page } from './support/sheet-test';
import { chooseMenu } from './support/menu';
import { saveScreenshot } from './support/screenshots';

const menuButton = (page: Page, label: string) => page.getByTestId('menu-bar').getByRole('menuitem', { name: label, exact: true });
const item = (page: Page, id: string) => page.locator(`[data-command="${id}"]`).first();
const inBrowser = (id: (typeof COMMAND_IDS)[number]) => (COMMANDS[id] as CommandDefinition).only === undefined;

test('the menu bar is driven by the keyboard: F10 or Alt enters, arrows move, Enter runs, Esc gives the keyboard back', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Customer visits');
  await cell(page, rowId, 'p0').click();

  await page.keyboard.press('F10');
  await expect(menuButton(page, 'File')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(menuButton(page, 'Edit')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menu', { name: 'Edit' })).toBeVisible();
  await expect(item(page, 'edit.undo')).toBeFocused();
  // Right goes to the next menu, open, on its first item.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('menu', { name: 'View' })).toBeVisible();
  await expect(item(page, 'view.budget')).toBeFocused();
  // Esc closes the menu and leaves the keyboard on its name; a second Esc goes back to the sheet.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(menuButton(page, 'View')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(cell(page, rowId, 'p0')).toBeFocused();

  // Alt alone enters too; End goes to Help; Up opens it on its last item.
  await page.keyboard.press('Alt');
  await expect(menuButton(page, 'File')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(menuButton(page, 'Help')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(item(page, 'help.about')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // View › Compare, chosen with the keyboard, opens the comparison.
  await page.keyboard.press('F10');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await expect(item(page, 'view.compare')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
});

test('every command is in the menus with its shortcut shown, and the mouse opens and runs them', async ({ page, host }) => {
  await page.goto(host.url);
  await rowIdOf(page, 'Customer visits');
  const platform = await page.evaluate(() => (/Mac/.test(navigator.platform) ? 'mac' : /Win/.test(navigator.platform) ? 'windows' : 'linux'));
  for (const menu of MENUS) {
    await menuButton(page, MENU_LABELS[menu]).click();
    const list = page.getByRole('menu', { name: MENU_LABELS[menu] });
    await expect(list).toBeVisible();
    const ids = menuSections(menu).flat().filter(inBrowser);
    await expect(list.locator('[data-command]')).toHaveCount(ids.length);
    for (const id of ids) {
      const shortcut = shortcutFor((COMMANDS[id] as CommandDefinition).shortcut, platform, 'browser');
      await expect(list.locator(`[data-command="${id}"] .menu-shortcut`)).toHaveText(shortcut === null ? '' : shortcutLabel(shortcut, platform));
    }
    if (menu === 'edit') await saveScreenshot(page, 'menu-edit');
    await page.keyboard.press('Escape');
  }
  // Hovering from one open menu to another switches; a click runs the command.
  await menuButton(page, 'File').click();
  await menuButton(page, 'View').hover();
  await expect(page.getByRole('menu', { name: 'View' })).toBeVisible();
  await item(page, 'view.dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('menu')).toHaveCount(0);
  // Help › Keyboard shortcuts lists the same table.
  await menuButton(page, 'Help').click();
  await item(page, 'help.shortcuts').click();
  await expect(page.getByTestId('shortcuts-dialog')).toContainText('Add line');
  await saveScreenshot(page, 'shortcuts-dark');
});

test('on an approved version the commands that would change it are disabled, each with its reason', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Customer visits');
  await cell(page, rowId, 'p0').click();
  await expect(page.locator('.toolbar [data-command="data.add-line"]')).toBeEnabled();
  await expect(page.locator('.toolbar [data-command="data.spread"]')).toBeEnabled();

  // Approve through the menus: Data › Submit, then Data › Approve.
  for (const id of ['data.submit', 'data.approve']) {
    await menuButton(page, 'Data').click();
    await item(page, id).click();
    const dialog = page.getByTestId('approval-dialog');
    await dialog.getByRole('button', { name: id === 'data.submit' ? 'Submit for approval' : 'Approve' }).click();
    await expect(dialog).toHaveCount(0);
  }
  await expect(page.getByTestId('version-status')).toHaveText(/Approved/);

  for (const id of ['data.add-line', 'data.spread']) {
    const button = page.locator(`.toolbar [data-command="${id}"]`);
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute('title', /is approved: reopen it to change it/);
  }
  await cell(page, rowId, 'p0').click();
  await menuButton(page, 'Data').click();
  for (const id of ['data.add-line', 'data.delete-line', 'data.spread', 'data.adjust', 'data.move-line']) {
    await expect(item(page, id)).toHaveAttribute('aria-disabled', 'true');
    await expect(item(page, id).locator('.menu-reason')).toContainText('reopen it to change it');
  }
  // What does not change the version stays open: versions, departments and accounts, reopening.
  await expect(item(page, 'data.versions')).toHaveAttribute('aria-disabled', 'false');
  await expect(item(page, 'data.reopen')).toHaveAttribute('aria-disabled', 'false');
  await saveScreenshot(page, 'menu-data-approved');
  await page.keyboard.press('Escape');
  // The shortcut of a disabled command says why instead of doing nothing.
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByTestId('notice-info').filter({ hasText: 'reopen it to change it' })).toBeVisible();
  await expect(page.getByTestId('add-line-dialog')).toHaveCount(0);
});

test('notes fade, errors stay until dismissed, at most three show, and none covers the grid’s header', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Customer visits');
  // A shortcut with nothing to act on gives a note; an amount the sheet cannot read gives an error.
  await page.getByRole('tab', { name: 'Budget' }).focus();
  await page.keyboard.press('Control+Shift+K');
  const note = page.getByTestId('notice-info').filter({ hasText: 'Put the cursor on a budget line first' });
  await expect(note).toBeVisible();
  const header = await page.locator('[data-testid="budget-grid"] .ag-header').boundingBox();
  const box = await page.getByTestId('notices').boundingBox();
  expect(header).not.toBeNull();
  expect(box).not.toBeNull();
  if (header !== null && box !== null) expect(box.y).toBeGreaterThan(header.y + header.height);

  for (const text of ['abc', 'x1', 'y2', 'z3']) {
    await cell(page, rowId, 'p1').click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('notices').locator('.notice')).toHaveCount(3);
  await expect(page.getByTestId('notices')).toContainText('more');
  await saveScreenshot(page, 'notices');
  // The note fades by itself; the errors are still there.
  await expect(note).toHaveCount(0, { timeout: 8000 });
  await expect(page.getByTestId('notice-error').first()).toBeVisible();
  // A notice belongs to its view: the proposals do not show the sheet's.
  await page.keyboard.press('Control+3');
  await expect(page.getByTestId('proposals-view')).toBeVisible();
  await expect(page.getByTestId('notice-error')).toHaveCount(0);
  await page.keyboard.press('Control+1');
  await page.getByTestId('notices').getByRole('button', { name: 'Dismiss all' }).click();
  await expect(page.getByTestId('notice-error')).toHaveCount(0);
});

test('the context menu offers cut, copy, paste and clear, and add line proposes the department and account under the cursor', async ({ page, host }) => {
  await page.goto(host.url);
  const rowId = await rowIdOf(page, 'Customer visits');
  const march = cell(page, rowId, 'p2');
  await march.click({ button: 'right' });
  const menu = page.getByTestId('context-menu');
  for (const label of ['Cut', 'Copy', 'Paste', 'Clear']) await expect(menu.getByRole('menuitem', { name: new RegExp(`^${label}`) })).toBeVisible();
  await menu.getByRole('menuitem', { name: /^Clear/ }).click();
  await expect(march).toHaveText(/^(–|)$/);
  await page.keyboard.press('Control+z');
  await expect(march).not.toHaveText(/^(–|)$/);

  // The department and account of the line under the cursor are proposed.
  // Grouped by department, the line's department is its group's (Sales, the first).
  const department = /^\W*(.+?)\s+·/.exec(await page.locator('.ag-row[row-id="g:d1"] .group-label').innerText())?.[1] ?? '?';
  const account = (await cell(page, rowId, 'account').innerText()).trim();
  await march.click();
  await page.keyboard.press('Control+Shift+L');
  const dialog = page.getByTestId('add-line-dialog');
  await expect(dialog.getByLabel('Department').locator('option:checked')).toHaveText(new RegExp(department));
  await expect(dialog.getByLabel('Account').locator('option:checked')).toContainText(account.split(' ')[0] ?? '?');
});

test('the toolbar is one calm row at 1,440 and 1,280 pixels, in light and dark', async ({ page, host }) => {
  for (const [width, height] of [
    [1440, 900],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(host.url);
    await rowIdOf(page, 'Customer visits');
    const toolbar = await page.locator('.toolbar').boundingBox();
    expect(toolbar?.height ?? 0).toBeLessThan(48);
    await expect(page.locator('.toolbar-actions button')).toHaveCount(6);
    await saveScreenshot(page, `shell-${width}-light`);
    await page.keyboard.press('F10');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.locator('.menu-list [data-command="view.dark"]').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await saveScreenshot(page, `shell-${width}-dark`);
    await chooseMenu(page, 'view.dark');
  }
});
