import type { Page } from '@playwright/test';
import { COMMANDS, MENU_LABELS, type CommandId } from '../../../shared/commands/command-table';

/** Runs a command from the in-app menu bar, as a user does with the mouse: its menu, then its item. */
export async function chooseMenu(page: Page, id: CommandId): Promise<void> {
  await page.getByTestId('menu-bar').getByRole('menuitem', { name: MENU_LABELS[COMMANDS[id].menu], exact: true }).click();
  await page.locator(`.menu-list [data-command="${id}"]`).click();
}
