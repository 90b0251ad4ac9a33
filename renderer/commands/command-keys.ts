import { COMMANDS, type CommandDefinition, type CommandId } from '../../shared/commands/command-table';
import { matchesShortcut, shortcutFor, shortcutLabel, type KeyPress, type Shortcut } from '../../shared/commands/shortcut';
import { currentHost, currentPlatform } from './platform';

/** The shortcut of a command here (platform and host), or null. */
export function commandShortcut(id: CommandId): Shortcut | null {
  const definition: CommandDefinition = COMMANDS[id];
  return shortcutFor(definition.shortcut, currentPlatform(), currentHost());
}

/** How the command's shortcut is written here ("Ctrl+Shift+L", "⌘⇧L"), or '' when it has none. */
export function commandShortcutLabel(id: CommandId): string {
  const shortcut = commandShortcut(id);
  return shortcut === null ? '' : shortcutLabel(shortcut, currentPlatform());
}

/** Whether a key press is the command's shortcut: the only way a key binding names its keys. */
export function isCommandKey(press: KeyPress & { getModifierState?(key: string): boolean }, id: CommandId): boolean {
  // AltGr arrives as Ctrl+Alt on Windows: it types a character (ń, @, €), it is no shortcut.
  if (press.getModifierState?.('AltGraph') === true) return false;
  const shortcut = commandShortcut(id);
  return shortcut !== null && matchesShortcut(press, shortcut, currentPlatform());
}

/** A command's tooltip: what it does (or its label of the moment, "Undo paste 4 cells"), its shortcut, and why it cannot run now. */
export function commandTooltip(id: CommandId, reason?: string, label?: string): string {
  const definition: CommandDefinition = COMMANDS[id];
  const shortcut = commandShortcutLabel(id);
  const what = label ?? definition.description;
  const base = shortcut === '' ? what : `${what} (${shortcut})`;
  return reason === undefined ? base : `${base}. Not now: ${reason}`;
}
