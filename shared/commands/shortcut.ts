/**
 * Keyboard shortcuts as data: written once in the command table, then shown (menus, tooltips),
 * turned into Electron accelerators, and matched against key events, on every platform.
 */

/** `mod` is Ctrl on Windows and Linux, Cmd on macOS. `key` is a lower-case letter, a digit, or a key name (F3, Delete, ArrowUp, /). */
export interface Shortcut {
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

export type Platform = 'mac' | 'windows' | 'linux';
/** Where the renderer runs: inside Electron, or in a browser tab served by the browser host. */
export type Host = 'electron' | 'browser';

/** A command's shortcut, with the exceptions a platform or host needs (browsers keep Ctrl+N for themselves). */
export interface ShortcutSpec {
  all: Shortcut;
  mac?: Shortcut;
  browser?: Shortcut;
}

/** The shortcut that applies on a platform and host: the browser's exception first, then the Mac's. */
export function shortcutFor(spec: ShortcutSpec | undefined, platform: Platform, host: Host): Shortcut | null {
  if (spec === undefined) return null;
  if (host === 'browser' && spec.browser !== undefined) return spec.browser;
  if (platform === 'mac' && spec.mac !== undefined) return spec.mac;
  return spec.all;
}

const KEY_NAMES: Record<string, { text: string; mac: string; accelerator: string }> = {
  arrowup: { text: '↑', mac: '↑', accelerator: 'Up' },
  arrowdown: { text: '↓', mac: '↓', accelerator: 'Down' },
  arrowleft: { text: '←', mac: '←', accelerator: 'Left' },
  arrowright: { text: '→', mac: '→', accelerator: 'Right' },
  delete: { text: 'Delete', mac: '⌦', accelerator: 'Delete' },
  enter: { text: 'Enter', mac: '↩', accelerator: 'Enter' },
  escape: { text: 'Esc', mac: '⎋', accelerator: 'Escape' },
};

function keyText(key: string, platform: Platform): string {
  const named = KEY_NAMES[key.toLowerCase()];
  if (named !== undefined) return platform === 'mac' ? named.mac : named.text;
  return key.length === 1 ? key.toUpperCase() : key;
}

/** How a shortcut is written for people: Ctrl+Shift+L on Windows and Linux, ⌘⇧L on a Mac. */
export function shortcutLabel(shortcut: Shortcut, platform: Platform): string {
  if (platform === 'mac') return `${shortcut.alt === true ? '⌥' : ''}${shortcut.shift === true ? '⇧' : ''}${shortcut.mod === true ? '⌘' : ''}${keyText(shortcut.key, platform)}`;
  const parts = [shortcut.mod === true ? 'Ctrl' : null, shortcut.alt === true ? 'Alt' : null, shortcut.shift === true ? 'Shift' : null, keyText(shortcut.key, platform)];
  return parts.filter((part) => part !== null).join('+');
}

/** The same shortcut as an Electron accelerator (CmdOrCtrl+Shift+L). */
export function electronAccelerator(shortcut: Shortcut): string {
  const named = KEY_NAMES[shortcut.key.toLowerCase()];
  const key = named !== undefined ? named.accelerator : shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key;
  return [shortcut.mod === true ? 'CmdOrCtrl' : null, shortcut.alt === true ? 'Alt' : null, shortcut.shift === true ? 'Shift' : null, key].filter((part) => part !== null).join('+');
}

/** What matching needs of a key event (a DOM KeyboardEvent has all of it). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Whether a key press is the shortcut. Letters and digits are matched by their physical key
 * (event.code), because Shift and Alt change the character they type (Alt+V types √ on a Mac).
 */
export function matchesShortcut(press: KeyPress, shortcut: Shortcut, platform: Platform): boolean {
  const mod = platform === 'mac' ? press.metaKey : press.ctrlKey;
  const otherMod = platform === 'mac' ? press.ctrlKey : press.metaKey;
  if (mod !== (shortcut.mod === true) || otherMod) return false;
  if (press.shiftKey !== (shortcut.shift === true) || press.altKey !== (shortcut.alt === true)) return false;
  const key = shortcut.key.toLowerCase();
  if (/^[a-z]$/.test(key)) return press.code === `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return press.code === `Digit${key}` || press.code === `Numpad${key}`;
  if (key === '/') return press.code === 'Slash' || press.key === '/';
  return press.key.toLowerCase() === key;
}

/** Two shortcuts are the same keys (used to prove that no two commands share one). */
export function sameShortcut(a: Shortcut, b: Shortcut): boolean {
  return a.key.toLowerCase() === b.key.toLowerCase() && (a.mod === true) === (b.mod === true) && (a.shift === true) === (b.shift === true) && (a.alt === true) === (b.alt === true);
}
