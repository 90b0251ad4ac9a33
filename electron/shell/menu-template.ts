import { COMMAND_IDS, COMMANDS, MENU_LABELS, MENUS, menuSections, type CommandDefinition, type CommandId, type CommandState, type CommandStates, type MenuId } from '../../shared/commands/command-table';
import { electronAccelerator, shortcutFor, type Platform } from '../../shared/commands/shortcut';

/**
 * Electron's native application menu, drawn from the command table. A pure function: main.ts
 * hands the result to Menu.buildFromTemplate, and tsc checks there that it is Electron's shape
 * (this file may not import 'electron', not even its types, so the shape is written here).
 */

/** The roles this template uses: the command table's, plus the macOS menus' own. */
export type MenuRole = NonNullable<CommandDefinition['electronRole']> | 'services' | 'window' | 'help' | 'recentDocuments' | 'clearRecentDocuments';

/** What Electron passes a menu item's click handler about how it was triggered. */
export interface MenuClickEvent {
  triggeredByAccelerator?: boolean;
}

/** One item of the template: the subset of Electron's MenuItemConstructorOptions that Tandem uses. */
export interface MenuItemTemplate {
  /** the command id, for items that are commands */
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  role?: MenuRole;
  accelerator?: string;
  /** Windows and Linux: false shows the accelerator without letting the menu take the key from the page */
  registerAccelerator?: boolean;
  enabled?: boolean;
  checked?: boolean;
  /** macOS shows it on hover: why a command is disabled, or what it does */
  toolTip?: string;
  submenu?: MenuItemTemplate[];
  click?: (menuItem: unknown, window: unknown, event: MenuClickEvent) => void;
}

/** Roles that exist only on macOS: the item is left out elsewhere (Electron would draw a dead item). */
const MAC_ONLY_ROLES: ReadonlySet<MenuRole> = new Set(['zoom', 'hide', 'hideOthers', 'unhide', 'services', 'recentDocuments', 'clearRecentDocuments']);

/** Commands that may be used before the renderer has said anything: what the system does, and help. */
function enabledWithoutState(id: CommandId): boolean {
  const definition: CommandDefinition = COMMANDS[id];
  return definition.electronRole !== undefined || definition.menu === 'help';
}

/** Whether a command has an item in the native menu on this platform (and, on a Mac, in which place). */
export function inNativeMenu(id: CommandId, platform: Platform): boolean {
  const role = (COMMANDS[id] as CommandDefinition).electronRole;
  return role === undefined || platform === 'mac' || !MAC_ONLY_ROLES.has(role);
}

/** The accelerator a command shows in the native menu, or undefined. */
export function acceleratorFor(id: CommandId, platform: Platform): string | undefined {
  const shortcut = shortcutFor((COMMANDS[id] as CommandDefinition).shortcut, platform, 'electron');
  return shortcut === null ? undefined : electronAccelerator(shortcut);
}

function commandItem(id: CommandId, platform: Platform, states: CommandStates, send: (commandId: CommandId) => void): MenuItemTemplate {
  const definition: CommandDefinition = COMMANDS[id];
  const state: CommandState | undefined = states[id];
  const item: MenuItemTemplate = { id, label: state?.label ?? definition.label };
  const accelerator = acceleratorFor(id, platform);
  if (accelerator !== undefined) item.accelerator = accelerator;
  if (definition.electronRole !== undefined) {
    // The system runs it: cut, copy and paste reach the focused text field or the grid's own
    // clipboard events; quit goes through before-quit, so writes in flight are finished first.
    item.role = definition.electronRole;
    if (state !== undefined) item.enabled = state.enabled;
    return item;
  }
  item.enabled = state?.enabled ?? enabledWithoutState(id);
  if (definition.toggle !== undefined) {
    item.type = definition.toggle === 'check' ? 'checkbox' : 'radio';
    item.checked = state?.checked ?? false;
  }
  const tip = state !== undefined && !state.enabled && state.reason !== undefined ? state.reason : definition.description;
  item.toolTip = tip;
  if (accelerator !== undefined && platform !== 'mac') {
    // The renderer's key bindings, drawn from the same table, run every non-role command in both
    // hosts. On Windows and Linux a registered accelerator would take the key before the page saw
    // it (Delete, F2, Alt+Shift+arrows in a text field): shown here, handled by the page.
    item.registerAccelerator = false;
  }
  // On macOS, registerAccelerator does nothing: a key press goes to the page first, and only a
  // press the page left unhandled comes back to the menu as a key equivalent. The page's key
  // bindings have already run (or deliberately not run, in a text field) every non-role command
  // by then, so a click that comes from an accelerator is ignored on every platform, and the
  // menu runs a command only when it is chosen with the mouse or the menu's own keyboard
  // navigation. The command never runs twice and never steals Delete from a text field.
  item.click = (_menuItem, _window, event) => {
    if (event.triggeredByAccelerator === true) return;
    send(id);
  };
  return item;
}

function withSeparators(sections: MenuItemTemplate[][]): MenuItemTemplate[] {
  const items: MenuItemTemplate[] = [];
  for (const section of sections) {
    if (section.length === 0) continue;
    if (items.length > 0) items.push({ type: 'separator' });
    items.push(...section);
  }
  return items;
}

/** The commands of a menu as items, with the Mac's app-menu commands moved out of it. */
function menuItems(menu: MenuId, platform: Platform, states: CommandStates, send: (commandId: CommandId) => void): MenuItemTemplate[] {
  const include = (id: CommandId) => inNativeMenu(id, platform) && !(platform === 'mac' && (COMMANDS[id] as CommandDefinition).macAppMenu === true);
  const sections = menuSections(menu, include).map((ids) => ids.map((id) => commandItem(id, platform, states, send)));
  if (platform === 'mac' && menu === 'file') {
    // The system's Open Recent, fed by app.addRecentDocument; choosing one arrives as 'open-file'.
    const first = sections[0] ?? [];
    const openAt = first.findIndex((item) => item.id === 'file.open');
    first.splice(openAt + 1, 0, { label: 'Open Recent', role: 'recentDocuments', submenu: [{ label: 'Clear Menu', role: 'clearRecentDocuments' }] });
  }
  return withSeparators(sections);
}

/** The macOS app menu: About, Your name…, Services, Hide, Hide others, Show all, Quit. */
function macAppMenu(states: CommandStates, send: (commandId: CommandId) => void): MenuItemTemplate {
  const appItems = COMMAND_IDS.filter((id) => (COMMANDS[id] as CommandDefinition).macAppMenu === true);
  const item = (id: CommandId) => commandItem(id, 'mac', states, send);
  const about = appItems.filter((id) => id === 'help.about').map(item);
  const settings = appItems.filter((id) => id !== 'help.about' && (COMMANDS[id] as CommandDefinition).electronRole !== 'quit').map(item);
  const quit = appItems.filter((id) => (COMMANDS[id] as CommandDefinition).electronRole === 'quit').map(item);
  return {
    label: 'Tandem',
    submenu: withSeparators([
      about,
      settings,
      [{ label: 'Services', role: 'services', submenu: [] }],
      [
        { label: 'Hide Tandem', role: 'hide', accelerator: 'Command+H' },
        { label: 'Hide Others', role: 'hideOthers', accelerator: 'Command+Alt+H' },
        { label: 'Show All', role: 'unhide' },
      ],
      quit,
    ]),
  };
}

/**
 * The whole application menu: on a Mac the app menu first, then File, Edit, View, Data,
 * Proposals, Window and Help. `states` is what the renderer last said of each command;
 * `send` asks the renderer to run a command.
 */
export function menuTemplate(platform: Platform, states: CommandStates, send: (commandId: CommandId) => void): MenuItemTemplate[] {
  const menus: MenuItemTemplate[] = MENUS.map((menu) => {
    const top: MenuItemTemplate = { label: platform === 'mac' ? MENU_LABELS[menu] : `&${MENU_LABELS[menu]}`, submenu: menuItems(menu, platform, states, send) };
    // On a Mac these two get the system's extras (the window list, the help search field).
    if (platform === 'mac' && (menu === 'window' || menu === 'help')) top.role = menu;
    return top;
  });
  return platform === 'mac' ? [macAppMenu(states, send), ...menus] : menus;
}

/** Every item of a template, depth first (for tests and for finding an item by id). */
export function flattenMenu(items: readonly MenuItemTemplate[]): MenuItemTemplate[] {
  return items.flatMap((item) => [item, ...flattenMenu(item.submenu ?? [])]);
}
